# A bucket whose policy is a document given through a local value: the document's JSON is
# known only after apply (it names the bucket's ARN), and the plan records only `local.policy`.

variable "bucket" {
  type = string
}

locals {
  policy = data.aws_iam_policy_document.tls.json
}

resource "aws_s3_bucket" "this" {
  bucket = var.bucket
}

resource "aws_s3_bucket_policy" "this" {
  bucket = aws_s3_bucket.this.id
  policy = local.policy
}

data "aws_iam_policy_document" "tls" {
  statement {
    sid       = "denyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.this.arn, "${aws_s3_bucket.this.arn}/*"]

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
