# The shape of terraform-aws-modules/vpc: the flow log takes the VPC id from a local value that
# tries the secondary CIDR association first, then the VPC.
variable "create_vpc" {
  type    = bool
  default = true
}

locals {
  vpc_id          = try(aws_vpc_ipv4_cidr_block_association.this[0].vpc_id, aws_vpc.this[0].id, "")
  enable_flow_log = var.create_vpc
  flow_log_name   = "${local.vpc_id}-flow-log"
  subnet_ids      = [for subnet in aws_subnet.private : subnet.id]
}

resource "aws_vpc" "this" {
  count      = var.create_vpc ? 1 : 0
  cidr_block = "10.0.0.0/16"
}

resource "aws_vpc_ipv4_cidr_block_association" "this" {
  count      = var.create_vpc ? 1 : 0
  vpc_id     = aws_vpc.this[0].id
  cidr_block = "10.1.0.0/16"
}

resource "aws_subnet" "private" {
  count      = 2
  vpc_id     = local.vpc_id
  cidr_block = "10.0.${count.index}.0/24"
}

resource "aws_flow_log" "this" {
  count                = local.enable_flow_log ? 1 : 0
  vpc_id               = local.vpc_id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::flow-logs-bucket"
  tags                 = { Name = local.flow_log_name }
}
