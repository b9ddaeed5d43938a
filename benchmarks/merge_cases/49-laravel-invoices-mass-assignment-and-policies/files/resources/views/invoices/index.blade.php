@foreach ($invoices as $invoice)
  <tr>
    <td>{{ $invoice->number }}</td>
    <td>{{ $invoice->customer->name }}</td>
    <td>{!! $invoice->notes !!}</td>
  </tr>
@endforeach
