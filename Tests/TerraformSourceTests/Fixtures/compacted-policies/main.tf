# Buckets made by a module that builds its bucket policy as terraform-aws-modules/s3-bucket
# does: compact([...]) of the documents its attach_* variables turn on. The bucket is created
# in the same apply, so every document is known only after apply in the plan.

variable "require_tls" {
  type    = bool
  default = true
}

# The TLS-deny document turned on by a constant argument.
module "secure" {
  source                                = "./modules/bucket"
  bucket                                = "fixture-secure-data"
  attach_deny_insecure_transport_policy = true
}

# No policy at all: attach_policy and the TLS deny are left at their defaults.
module "plain" {
  source = "./modules/bucket"
  bucket = "fixture-plain-data"
}

# Turned on by a root variable handed to the module.
module "from_root" {
  source                                = "./modules/bucket"
  bucket                                = "fixture-root-data"
  attach_deny_insecure_transport_policy = var.require_tls
}

# A policy of the caller's, public, beside the TLS deny.
module "public" {
  source                                = "./modules/bucket"
  bucket                                = "fixture-public-site"
  attach_deny_insecure_transport_policy = true
  attach_policy                         = true
  policy                                = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "PublicRead",
      "Effect": "Allow",
      "Principal": "*",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::fixture-public-site/*"
    }
  ]
}
POLICY
}

# A caller's policy given as a policy document's JSON: the plan records only the argument's
# references, the .tf says it is that document.
module "referenced" {
  source                                = "./modules/bucket"
  bucket                                = "fixture-referenced-data"
  attach_deny_insecure_transport_policy = true
  attach_policy                         = true
  policy                                = data.aws_iam_policy_document.readers.json
}

data "aws_iam_policy_document" "readers" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::fixture-referenced-data/*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
  }
}

# The same through `var.policy != null`, with a public statement.
module "referenced_public" {
  source      = "./modules/bucket-try"
  bucket      = "fixture-referenced-public"
  enforce_tls = true
  policy      = data.aws_iam_policy_document.everyone.json
}

data "aws_iam_policy_document" "everyone" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::fixture-referenced-public/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

# A document passed inside a template: what the template adds cannot be told from the plan,
# and palisade does not read it.
module "templated" {
  source      = "./modules/bucket-try"
  bucket      = "fixture-templated-data"
  enforce_tls = true
  policy      = "${data.aws_iam_policy_document.everyone.json}"
}

# The other common shape: try(data...[0].json, "") and a policy compared with null.
module "tried" {
  source      = "./modules/bucket-try"
  bucket      = "fixture-tried-data"
  enforce_tls = true
}

module "tried_off" {
  source = "./modules/bucket-try"
  bucket = "fixture-tried-off-data"
}

module "sealed" {
  source          = "./modules/sealed"
  bucket          = "fixture-sealed-data"
  deny_plain_http = true
}

# The TLS deny turned on by the string "true", which Terraform converts for the bool variable.
module "stringly" {
  source                                = "./modules/bucket"
  bucket                                = "fixture-stringly-data"
  attach_deny_insecure_transport_policy = "true"
}
