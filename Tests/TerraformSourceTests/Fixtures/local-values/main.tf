# Local values, which a plan records by name only (`local.vpc_id`), not by what they are made of.
module "network" {
  source = "./network"
}

# The flow log's VPC id comes through a local value from another resource known only after
# apply: read from this file, it is not aws_vpc.other's.
resource "aws_vpc" "other" {
  cidr_block = "10.2.0.0/16"
}

resource "terraform_data" "imported_vpc" {
  input = "vpc-0123456789abcdef0"
}

locals {
  elsewhere = terraform_data.imported_vpc.output
}

resource "aws_flow_log" "elsewhere" {
  vpc_id               = local.elsewhere
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::flow-logs-bucket"
}

# A public database behind the module's group, which admits the internet on its port.
module "db_sg" {
  source = "./sg"
}

resource "aws_db_instance" "public" {
  identifier                  = "public"
  engine                      = "postgres"
  instance_class              = "db.t3.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  publicly_accessible         = true
  storage_encrypted           = true
  vpc_security_group_ids      = [module.db_sg.security_group_id]
}

# A key id passed through a local value from a variable left null: the provider computes the
# volume's kms_key_id (the AWS-managed key), which AWS-EBS-004 fails; without the .tf, the local
# might hold a key created at apply, so it is unknown.
variable "volume_key" {
  type    = string
  default = null
}

locals {
  volume_key = var.volume_key
}

resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 10
  encrypted         = true
  kms_key_id        = local.volume_key
}
