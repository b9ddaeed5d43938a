resource "aws_iam_role" "uploader" {
  name = "uploader"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "uploader" {
  role = aws_iam_role.uploader.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:*"]
      Resource = ["arn:aws:s3:::acme-uploads"]
    }]
  })
}

resource "aws_iam_access_key" "uploader" {
  user = "uploader-ci"
}

output "uploader_secret" {
  value = aws_iam_access_key.uploader.secret
}
