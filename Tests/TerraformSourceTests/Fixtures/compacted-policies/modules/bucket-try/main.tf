variable "bucket" { type = string }

variable "enforce_tls" {
  type    = bool
  default = false
}

variable "policy" {
  type    = string
  default = null
}

resource "aws_s3_bucket" "this" {
  bucket = var.bucket
}

resource "aws_s3_bucket_policy" "this" {
  bucket = aws_s3_bucket.this.id
  policy = data.aws_iam_policy_document.combined.json
}

data "aws_iam_policy_document" "combined" {
  source_policy_documents = compact([
    try(data.aws_iam_policy_document.secure_transport[0].json, null),
    var.policy != null ? var.policy : null
  ])
}

data "aws_iam_policy_document" "secure_transport" {
  count = var.enforce_tls ? 1 : 0

  statement {
    sid     = "AllowSSLRequestsOnly"
    effect  = "Deny"
    actions = ["s3:*"]
    resources = [
      aws_s3_bucket.this.arn,
      "${aws_s3_bucket.this.arn}/*",
    ]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}
