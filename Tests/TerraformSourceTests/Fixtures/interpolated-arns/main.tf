# Bucket policies whose resources are built from bucket attributes known only after apply.
# The plan records one list of references for each `resources` list; the .tf tells which
# element is the bucket and which its objects. Scanned with and without this file by
# SourceTemplateTests (AWS-S3-007).

# The terraform-aws-modules/s3-bucket shape: a counted bucket whose policy denies plain HTTP
# on the bucket and its objects.
resource "aws_s3_bucket" "counted" {
  count  = 1
  bucket = "palisade-fixture-counted"
}

data "aws_iam_policy_document" "counted" {
  count = 1
  statement {
    sid     = "DenyInsecureTransport"
    effect  = "Deny"
    actions = ["s3:*"]
    resources = [
      aws_s3_bucket.counted[0].arn,
      "${aws_s3_bucket.counted[0].arn}/*",
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

resource "aws_s3_bucket_policy" "counted" {
  count  = 1
  bucket = aws_s3_bucket.counted[0].id
  policy = data.aws_iam_policy_document.counted[0].json
}

# The objects named through the bucket's id, in a template with text on both sides.
resource "aws_s3_bucket" "by_id" {
  bucket = "palisade-fixture-by-id"
}

data "aws_iam_policy_document" "by_id" {
  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::${aws_s3_bucket.by_id.id}/*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "by_id" {
  bucket = aws_s3_bucket.by_id.id
  policy = data.aws_iam_policy_document.by_id.json
}

# The deny covers the bucket, not its objects: fails.
resource "aws_s3_bucket" "bucket_only" {
  bucket = "palisade-fixture-bucket-only"
}

data "aws_iam_policy_document" "bucket_only" {
  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.bucket_only.arn]
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

resource "aws_s3_bucket_policy" "bucket_only" {
  bucket = aws_s3_bucket.bucket_only.id
  policy = data.aws_iam_policy_document.bucket_only.json
}

# The policy on this bucket denies plain HTTP on another bucket's objects: fails.
resource "aws_s3_bucket" "elsewhere" {
  bucket = "palisade-fixture-elsewhere"
}

data "aws_iam_policy_document" "elsewhere" {
  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["${aws_s3_bucket.by_id.arn}/*"]
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

resource "aws_s3_bucket_policy" "elsewhere" {
  bucket = aws_s3_bucket.elsewhere.id
  policy = data.aws_iam_policy_document.elsewhere.json
}

# A bucket named by the provider (bucket_prefix): its ARN is not known before apply, so the
# policy cannot be read either way.
resource "aws_s3_bucket" "prefixed" {
  bucket_prefix = "palisade-fixture-"
}

data "aws_iam_policy_document" "prefixed" {
  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.prefixed.arn, "${aws_s3_bucket.prefixed.arn}/*"]
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

resource "aws_s3_bucket_policy" "prefixed" {
  bucket = aws_s3_bucket.prefixed.id
  policy = data.aws_iam_policy_document.prefixed.json
}

# The policy written inline, jsonencode() around the bucket's ARN: one unknown string in the
# plan, read from the .tf.
resource "aws_s3_bucket" "inline" {
  bucket = "palisade-fixture-inline"
}

resource "aws_s3_bucket_policy" "inline" {
  bucket = aws_s3_bucket.inline.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.inline.arn, "${aws_s3_bucket.inline.arn}/*"]
        Condition = {
          Bool = { "aws:SecureTransport" = "false" }
        }
      },
    ]
  })
}

# The same inline deny on the bucket alone: fails.
resource "aws_s3_bucket" "inline_bucket_only" {
  bucket = "palisade-fixture-inline-bucket-only"
}

resource "aws_s3_bucket_policy" "inline_bucket_only" {
  bucket = aws_s3_bucket.inline_bucket_only.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = { AWS = "*" }
      Action    = "s3:*"
      Resource  = aws_s3_bucket.inline_bucket_only.arn
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

# jsonencode() around a value known only after apply makes the whole attribute unknown in the
# plan; read from the .tf, only that string is.
resource "aws_sqs_queue" "jobs" {
  name                    = "palisade-fixture-jobs"
  sqs_managed_sse_enabled = true
}

# A literal secret beside the queue's URL: AWS-ECS-007 fails on DB_PASSWORD, not on the URL.
resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([
    {
      name                   = "app"
      image                  = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.4.2"
      essential              = true
      readonlyRootFilesystem = true
      user                   = "1000"
      environment = [
        { name = "QUEUE_URL", value = aws_sqs_queue.jobs.url },
        { name = "DB_PASSWORD", value = "hunter2-in-the-plan" },
      ]
    }
  ])
}

# A policy scoped to the queue: not administrator access, whatever the queue's ARN will be.
resource "aws_iam_policy" "scoped" {
  name = "palisade-fixture-scoped"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["sqs:ReceiveMessage", "sqs:DeleteMessage"]
      Resource = aws_sqs_queue.jobs.arn
    }]
  })
}

# The same statement beside one that grants everything: administrator access.
resource "aws_iam_policy" "admin_beside" {
  name = "palisade-fixture-admin-beside"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["sqs:ReceiveMessage"]
        Resource = aws_sqs_queue.jobs.arn
      },
      {
        Effect   = "Allow"
        Action   = "*"
        Resource = "*"
      },
    ]
  })
}

# A sensitive value in a derived string: the database's password (known, but sensitive in the
# plan) is not copied into the image read from the .tf; that string stays unknown.
resource "aws_db_instance" "db" {
  identifier          = "palisade-fixture-db"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "app"
  password            = "fixture-password-not-in-reports"
  skip_final_snapshot = true
}

resource "aws_ecs_task_definition" "leaky" {
  family                   = "leaky"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([
    {
      name        = "leaky"
      image       = "registry.example.com/app:${aws_db_instance.db.password}"
      essential   = true
      environment = [{ name = "QUEUE_URL", value = aws_sqs_queue.jobs.url }]
    }
  ])
}

# The policy in a heredoc around the bucket's ARN, as older configurations write it: one unknown
# string in the plan, read from the .tf.
resource "aws_s3_bucket" "heredoc" {
  bucket = "palisade-fixture-heredoc"
}

resource "aws_s3_bucket_policy" "heredoc" {
  bucket = aws_s3_bucket.heredoc.id
  policy = <<-POLICY
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Sid": "DenyInsecureTransport",
        "Effect": "Deny",
        "Principal": "*",
        "Action": "s3:*",
        "Resource": ["${aws_s3_bucket.heredoc.arn}", "${aws_s3_bucket.heredoc.arn}/*"],
        "Condition": {"Bool": {"aws:SecureTransport": "false"}}
      }]
    }
  POLICY
}
