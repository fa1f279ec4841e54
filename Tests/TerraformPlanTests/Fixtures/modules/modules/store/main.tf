variable "name" {
  type = string
}

variable "root_key" {
  type = string
}

resource "aws_kms_key" "cmk" {
  description = "key for ${var.name}"
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    apply_server_side_encryption_by_default {
      kms_master_key_id = aws_kms_key.cmk.arn
      sse_algorithm     = "aws:kms"
    }
  }
}

module "logs" {
  source = "../logs"
  count  = 1
  bucket = aws_s3_bucket.this.id
}
