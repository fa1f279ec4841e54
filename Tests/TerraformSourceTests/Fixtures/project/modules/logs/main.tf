resource "aws_db_instance" "logs" {
  identifier          = "logs"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "logs"
  password            = "example-only-not-a-secret"
  skip_final_snapshot = true
  publicly_accessible = true
}
