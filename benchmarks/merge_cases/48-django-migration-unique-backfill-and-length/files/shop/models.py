from django.db import models


class Order(models.Model):
    customer = models.ForeignKey("Customer", on_delete=models.CASCADE)
    total_cents = models.IntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    reference = models.CharField(max_length=12, unique=True)
    status = models.CharField(max_length=20, default="new")

    class Meta:
        ordering = ["-created_at"]
