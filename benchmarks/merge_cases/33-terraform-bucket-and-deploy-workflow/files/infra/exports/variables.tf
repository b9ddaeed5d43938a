variable "prefix" {
  type        = string
  description = "Name prefix for every resource in this module."
}

variable "exporter_role" {
  type        = string
  description = "IAM role the export job runs as."
}

variable "versioning" {
  type    = bool
  default = false
}

variable "retention_days" {
  type    = number
  default = 30
}
