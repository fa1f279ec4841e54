# A module whose switch is declared sensitive: its value must not reach a report, so the
# condition is not judged and the composed policy stays undecided.
variable "bucket" { type = string }

variable "deny_plain_http" {
  type      = bool
  default   = false
  sensitive = true
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
    var.deny_plain_http ? data.aws_iam_policy_document.tls[0].json : "",
  ])
}

data "aws_iam_policy_document" "tls" {
  count = 1

  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["${aws_s3_bucket.this.arn}/*"]
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
