# Hostile-input fixture for the report formats: for_each keys, container names and tag
# values carry markdown, HTML, mentions and line breaks. Every format must show them as text:
# no broken table, no injected HTML or link, nobody pinged, no extra workflow command.
# Regenerate plan.json from this folder with: /work/shared/terraform/plan-json . plan.json
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}

provider "aws" {
  region                      = "us-east-1"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
}

locals {
  hostile = {
    pipe   = "a|b||c"
    script = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    code   = "`tick` ```fence``` ~~strike~~ **bold** _em_"
    link   = "[click](javascript:alert(3)) ![img](https://evil.example/x.png) <https://evil.example>"
    ping   = "@octocat @github/security-team #1 cc"
    lines  = "line one\nline two\r\n| --- |\n::error::injected"
  }
}

# SSH open to the internet (AWS-EC2-001): the address carries the hostile key.
resource "aws_security_group" "open" {
  for_each = local.hostile
  name     = "open-${each.key}"
  tags     = { Owner = each.value }
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# Public canned ACL (AWS-S3-001): for_each keys are the hostile values themselves.
resource "aws_s3_bucket_acl" "public" {
  for_each = toset(values(local.hostile))
  bucket   = "hostile-bucket"
  acl      = "public-read"
}

# Root user and writable root filesystem (AWS-ECS-002, AWS-ECS-003): the messages print the
# container name.
resource "aws_ecs_task_definition" "worker" {
  family = "worker"
  container_definitions = jsonencode([{
    name      = "w|<b>x</b>`y`@octocat\n::warning::injected"
    image     = "registry.example.com/worker@sha256:0000000000000000000000000000000000000000000000000000000000000000"
    essential = true
    memory    = 256
  }])
}
