# Installed by terraform init from a git repository into .terraform/modules/vendored.

resource "aws_ecr_repository" "images" {
  name                 = "vendored"
  image_tag_mutability = "MUTABLE"

  image_scanning_configuration {
    scan_on_push = false
  }
}
