from django.db import transaction

from billing.models import Invoice
from billing.tasks import charge_invoice


@transaction.atomic
def close_invoice(request, invoice_id):
    invoice = Invoice.objects.create_from_cart(request.user, invoice_id)
    charge_invoice.delay(invoice.id)
    return invoice
