# Prior state (terraform.tfstate) makes every action appear: no-op, update, replace in both
# orders, delete, forget, a moved resource and a deposed object.

resource "aws_cloudwatch_log_group" "keep" {
  name = "keep"
}

resource "aws_cloudwatch_log_group" "update" {
  name = "update"
  tags = {
    owner = "platform"
  }
}

resource "aws_cloudwatch_log_group" "replace" {
  name = "replace-new"
}

resource "aws_cloudwatch_log_group" "replace_first" {
  name = "replace-first-new"
  lifecycle {
    create_before_destroy = true
  }
}

moved {
  from = aws_cloudwatch_log_group.old_name
  to   = aws_cloudwatch_log_group.renamed
}

resource "aws_cloudwatch_log_group" "renamed" {
  name = "renamed"
}

removed {
  from = aws_cloudwatch_log_group.forgotten
  lifecycle {
    destroy = false
  }
}
