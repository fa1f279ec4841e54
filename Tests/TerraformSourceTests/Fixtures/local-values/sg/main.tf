# The shape of terraform-aws-modules/security-group: rules and the output take the group's id
# from a local value over splats of the two ways the group can be created.
variable "create_sg" {
  type    = bool
  default = true
}

variable "use_name_prefix" {
  type    = bool
  default = false
}

variable "security_group_id" {
  type    = string
  default = null
}

locals {
  this_sg_id = var.create_sg ? concat(aws_security_group.this.*.id, aws_security_group.this_name_prefix.*.id, [""])[0] : var.security_group_id
}

resource "aws_security_group" "this" {
  count  = var.create_sg && !var.use_name_prefix ? 1 : 0
  name   = "db"
  vpc_id = "vpc-0123456789abcdef0"
}

resource "aws_security_group" "this_name_prefix" {
  count       = var.create_sg && var.use_name_prefix ? 1 : 0
  name_prefix = "db-"
  vpc_id      = "vpc-0123456789abcdef0"
}

resource "aws_security_group_rule" "ingress_with_cidr_blocks" {
  type              = "ingress"
  security_group_id = local.this_sg_id
  from_port         = 5432
  to_port           = 5432
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}

output "security_group_id" {
  value = local.this_sg_id
}
