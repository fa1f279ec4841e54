# A bucket whose policy is one of two documents, chosen by a variable: the plan records one
# unknown string and references to both.

variable "bucket" {
  type = string
}

variable "strict" {
  type = bool
}

resource "aws_s3_bucket" "this" {
  bucket = var.bucket
}

resource "aws_s3_bucket_policy" "this" {
  bucket = aws_s3_bucket.this.id
  policy = var.strict ? data.aws_iam_policy_document.strict.json : data.aws_iam_policy_document.loose.json
}

# Denies plain HTTP.
data "aws_iam_policy_document" "strict" {
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

# Grants one account read access, and denies nothing.
data "aws_iam_policy_document" "loose" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.this.arn}/*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
  }
}
