class InvoiceReminderJob
  include Sidekiq::Job
  sidekiq_options retry: 5

  def perform(account)
    invoices = Invoice.where(account_id: account.id, paid_at: nil)
    invoices.each do |invoice|
      next if invoice.due_on > Date.today
      ReminderMailer.overdue(invoice).deliver_now
      invoice.update!(reminded_at: Time.now)
    end
  end
end
