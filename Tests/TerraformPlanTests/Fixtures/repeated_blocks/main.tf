# Repeated blocks whose plan order or number differs from the configuration's (RepeatedBlockTests).
# ebs_block_device is a set: the plan orders it by its own hash, not as written.
resource "aws_instance" "set_order" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  ebs_block_device {
    device_name = "/dev/sdz"
    volume_size = 10
    encrypted   = true
  }
  ebs_block_device {
    device_name = "/dev/sdb"
    volume_size = 20
  }
}

# Terraform writes no dynamic block into the plan's configuration: it shows one block of two.
resource "aws_instance" "static_and_dynamic" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  ebs_block_device {
    device_name = "/dev/sdb"
    volume_size = 10
    encrypted   = true
  }
  dynamic "ebs_block_device" {
    for_each = ["/dev/sdc"]
    content {
      device_name = ebs_block_device.value
      volume_size = 10
    }
  }
}

resource "aws_eip" "office" {
  domain = "vpc"
}

# ingress is an attribute written as blocks: the configuration holds the static one as a
# constant list of one element.
resource "aws_security_group" "static_and_dynamic" {
  name = "static-and-dynamic"

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  dynamic "ingress" {
    for_each = [22]
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["${aws_eip.office.public_ip}/32"]
    }
  }
}

# Only a dynamic block: the configuration has no ingress at all.
resource "aws_security_group" "only_dynamic" {
  name = "only-dynamic"

  dynamic "ingress" {
    for_each = [22]
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["${aws_eip.office.public_ip}/32"]
    }
  }
}
