# Module nesting with for_each and count instances, plus count/for_each resources at the root.

resource "aws_kms_key" "root" {
  description = "root key"
}

module "store" {
  source   = "./modules/store"
  for_each = toset(["x", "y"])
  name     = "palisade-${each.key}"
  root_key = aws_kms_key.root.arn
}

resource "aws_s3_bucket" "counted" {
  count  = 2
  bucket = "palisade-counted-${count.index}"
}

resource "aws_s3_bucket_acl" "counted" {
  count  = 2
  bucket = aws_s3_bucket.counted[count.index].id
  acl    = "private"
}

resource "aws_s3_bucket" "keyed" {
  for_each = toset(["alpha", "beta"])
  bucket   = "palisade-keyed-${each.key}"
}

resource "aws_s3_bucket_versioning" "keyed" {
  for_each = toset(["alpha", "beta"])
  bucket   = aws_s3_bucket.keyed[each.key].id
  versioning_configuration {
    status = "Enabled"
  }
}
