class BillingRun
  def self.call
    Account.active.find_each do |account|
      InvoiceReminderJob.perform_async(account)
    end
  end
end
