<?php

namespace App\Jobs;

use App\Mail\InvoiceReminder;
use App\Models\Invoice;
use Illuminate\Bus\Queueable;
use Illuminate\Contracts\Queue\ShouldQueue;
use Illuminate\Support\Facades\Mail;

class SendInvoiceReminder implements ShouldQueue
{
    use Queueable;

    public $tries = 5;

    public function __construct(public Invoice $invoice)
    {
    }

    public function handle(): void
    {
        Mail::to($this->invoice->customer->email)->send(new InvoiceReminder($this->invoice));
        $this->invoice->reminded_at = now();
        $this->invoice->reminder_count++;
        $this->invoice->save();
    }
}
