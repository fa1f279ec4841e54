# A small but realistic stack with a few deliberate problems, so `palisade scan examples/`
# has something to say. Plan JSON beside it: made with ../shared/terraform/plan-json.

resource "aws_kms_key" "data" {
  description         = "Data key"
  enable_key_rotation = true
}

resource "aws_s3_bucket" "assets" {
  bucket = "palisade-example-assets"
}

resource "aws_s3_bucket_acl" "assets" {
  bucket = aws_s3_bucket.assets.id
  acl    = "public-read"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "assets" {
  bucket = aws_s3_bucket.assets.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.data.arn
    }
  }
}

resource "aws_security_group" "bastion" {
  name = "bastion"
  ingress {
    description = "SSH from anywhere"
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_db_instance" "orders" {
  identifier          = "orders"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "orders"
  password            = var.db_password
  skip_final_snapshot = true
}

resource "aws_ebs_volume" "scratch" {
  availability_zone = "us-east-1a"
  size              = 10
}

variable "db_password" {
  type      = string
  sensitive = true
  default   = "example-only-not-a-secret"
}
