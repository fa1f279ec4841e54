# Root resources, count and for_each, nested local modules and a module that terraform init
# copies from a git repository (see ../make-project.sh).

resource "aws_security_group" "edge" {
  for_each = toset(["a", "b"])
  name     = "edge-${each.key}"

  ingress {
    description = "HTTPS { from anywhere }"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }
  tags = {
    Note = <<-EOT
      SSH } from anywhere
      resource "aws_security_group" "edge" {
      EOT
  }
  ingress {
    description = "SSH"
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["0.0.0.0/0"]
  }
}

/*
resource "aws_ebs_volume" "disk" {
*/
resource "aws_ebs_volume" "disk" {
  count             = 2
  availability_zone = "us-east-1a"
  size              = 10
  encrypted         = false
}

module "storage" {
  source = "./modules/storage"
  name   = "palisade-fixture-storage"
}

module "vendored" {
  source = "git::file:///tmp/palisade-fixture-modules/vendored.git"
}
