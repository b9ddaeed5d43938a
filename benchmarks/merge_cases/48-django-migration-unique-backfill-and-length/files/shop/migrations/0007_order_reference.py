from django.db import migrations, models


def fill_references(apps, schema_editor):
    Order = apps.get_model("shop", "Order")
    for order in Order.objects.all():
        order.reference = f"ORDER-{order.pk:08d}"
        order.save()


class Migration(migrations.Migration):
    dependencies = [("shop", "0006_order_status")]

    operations = [
        migrations.AddField(
            model_name="order",
            name="reference",
            field=models.CharField(max_length=12, default="", unique=True),
        ),
        migrations.RunPython(fill_references),
    ]
