# Buckets made by a module that writes its bucket policy as terraform-aws-modules/s3-bucket v5
# does: documents with placeholders, replaced in local.policy by the bucket's attributes. The
# buckets are created in the same apply, so every policy is known only after apply in the plan.

# The TLS deny, on a bucket whose name is known.
module "secure" {
  source                                = "./modules/bucket"
  bucket                                = "fixture-v5-secure"
  attach_deny_insecure_transport_policy = true
}

# The TLS deny on a bucket named by a prefix: its name, and so its ARN, are known only after apply.
module "prefixed" {
  source                                = "./modules/bucket"
  bucket_prefix                         = "fixture-v5-prefixed-"
  attach_deny_insecure_transport_policy = true
}

# Only the minimum-TLS-version deny, which does not deny plain HTTP.
module "latest_tls_only" {
  source                           = "./modules/bucket"
  bucket                           = "fixture-v5-latest-tls"
  attach_require_latest_tls_policy = true
}

# A caller's public policy written with the module's placeholder, beside the TLS deny.
module "public" {
  source                                = "./modules/bucket"
  bucket_prefix                         = "fixture-v5-public-"
  attach_deny_insecure_transport_policy = true
  attach_policy                         = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "PublicRead"
        Effect    = "Allow"
        Principal = "*"
        Action    = "s3:GetObject"
        Resource  = "_S3_BUCKET_ARN_/*"
      },
      {
        Sid       = "AccountRoot"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::_AWS_ACCOUNT_ID_:root" }
        Action    = "s3:ListBucket"
        Resource  = "_S3_BUCKET_ARN_"
      },
    ]
  })
}

# No policy at all.
module "plain" {
  source = "./modules/bucket"
  bucket = "fixture-v5-plain"
}

# A document whose JSON is known only after apply, given through a local value.
module "through_local" {
  source = "./modules/through-local"
  bucket = "fixture-v5-through-local"
}

# One of two documents chosen by a variable: here the one without the TLS deny.
module "chosen_loose" {
  source = "./modules/chosen"
  bucket = "fixture-v5-chosen-loose"
  strict = false
}

# The same module choosing the document with the TLS deny.
module "chosen_strict" {
  source = "./modules/chosen"
  bucket = "fixture-v5-chosen-strict"
  strict = true
}
