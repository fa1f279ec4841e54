# Fixture for the reporters' no-secret tests: every secret below must be absent from every
# report format and from `palisade parse`, while AWS-SEC-001 still reports the provider.
# Regenerate plan.json from this folder with: /work/shared/terraform/plan-json . plan.json
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}

# Literal credentials in the provider block: AWS-SEC-001 fails (critical) without printing them.
provider "aws" {
  region                      = "us-east-1"
  access_key                  = "AKIAFIXTUREREPORTER1"
  secret_key                  = "fixture/Secret/Key/For/Reporter/Tests/0001"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
}

# A sensitive variable whose value reaches a rule message (AWS-ECS-008 prints the image).
variable "release_tag" {
  type      = string
  sensitive = true
  default   = "release-tag-sensitive-7f3a9c2e"
}

# The provider marks password sensitive; the instance also fails AWS-RDS-001 and AWS-RDS-003.
resource "aws_db_instance" "orders" {
  identifier          = "orders"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "orders_admin"
  password            = "Fixture-DB-Passw0rd-Literal-91"
  publicly_accessible = true
  storage_encrypted   = false
  skip_final_snapshot = true
}

resource "aws_ecs_task_definition" "worker" {
  family = "worker"
  container_definitions = jsonencode([{
    name      = "worker"
    image     = "registry.example.com/worker:${var.release_tag}"
    essential = true
    memory    = 256
  }])
}

# Whether the replica is public is only known after apply: an unknown finding with its reason.
resource "aws_db_instance" "replica" {
  identifier          = "orders-replica"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "orders_admin"
  password            = "Fixture-DB-Passw0rd-Literal-91"
  publicly_accessible = aws_db_instance.orders.address != ""
  storage_encrypted   = true
  skip_final_snapshot = true
}

# SSH open to the internet: a finding located at an attribute path.
resource "aws_security_group" "bastion" {
  name = "bastion"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
