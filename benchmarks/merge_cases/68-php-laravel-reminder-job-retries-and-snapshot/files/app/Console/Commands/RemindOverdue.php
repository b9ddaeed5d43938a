<?php

namespace App\Console\Commands;

use App\Jobs\SendInvoiceReminder;
use App\Models\Invoice;
use Illuminate\Console\Command;

class RemindOverdue extends Command
{
    protected $signature = 'invoices:remind';

    public function handle(): int
    {
        $invoices = Invoice::where('due_at', '<', now())->get();
        foreach ($invoices as $invoice) {
            SendInvoiceReminder::dispatch($invoice);
        }
        return self::SUCCESS;
    }
}
