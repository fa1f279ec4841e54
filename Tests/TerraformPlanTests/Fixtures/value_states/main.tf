# One resource per value state: known, unknown until apply, sensitive, absent.

variable "db_password" {
  type      = string
  sensitive = true
  default   = "Sup3rSecretPassw0rd"
}

variable "environment" {
  type    = string
  default = "test"
}

resource "aws_kms_key" "cmk" {
  description = "customer managed key"
}

resource "aws_s3_bucket" "private" {
  bucket = "palisade-fixture-private"
}

# kms_master_key_id is unknown and comes from a reference to aws_kms_key.cmk.
resource "aws_s3_bucket_server_side_encryption_configuration" "private" {
  bucket = aws_s3_bucket.private.id
  rule {
    apply_server_side_encryption_by_default {
      kms_master_key_id = aws_kms_key.cmk.arn
      sse_algorithm     = "aws:kms"
    }
  }
}

# encrypted is omitted and computed by the provider.
resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 10
}

# Account setting in the default provider configuration.
resource "aws_ebs_encryption_by_default" "on" {
  enabled = true
}

# A volume under the aliased provider: not covered by the default above.
resource "aws_ebs_volume" "west" {
  provider          = aws.west
  availability_zone = "us-west-2a"
  size              = 10
  encrypted         = false
}

# password is sensitive; storage_encrypted is omitted and null (not computed).
resource "aws_db_instance" "db" {
  identifier          = "palisade-fixture"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "admin"
  password            = var.db_password
  skip_final_snapshot = true
}

# Nested known lists inside a set of blocks.
resource "aws_security_group" "web" {
  name = "web"
  ingress {
    from_port   = 0
    to_port     = 65535
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0", "10.0.0.0/8"]
  }
}

resource "aws_instance" "app" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  user_data     = "export AWS_SECRET_ACCESS_KEY=abc"
  tags = {
    Environment = var.environment
  }
}
