# One policy document read during plan (literal ARNs) and one deferred to apply.

resource "aws_s3_bucket" "pub" {
  bucket = "palisade-fixture-pub"
}

data "aws_iam_policy_document" "literal" {
  statement {
    effect    = "Allow"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::palisade-fixture-literal/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

data "aws_iam_policy_document" "pub_ref" {
  statement {
    effect    = "Allow"
    actions   = ["s3:*"]
    resources = ["${aws_s3_bucket.pub.arn}/*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

resource "aws_s3_bucket_policy" "pub" {
  bucket = aws_s3_bucket.pub.id
  policy = data.aws_iam_policy_document.pub_ref.json
}

resource "aws_s3_bucket_policy" "literal" {
  bucket = "palisade-fixture-literal"
  policy = data.aws_iam_policy_document.literal.json
}
