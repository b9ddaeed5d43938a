require "rails_helper"

RSpec.describe InvoiceReminderJob do
  it "reminds overdue invoices" do
    account = create(:account)
    create(:invoice, account: account, due_on: 3.days.ago)
    expect { described_class.new.perform(account) }
      .to change { ActionMailer::Base.deliveries.count }.by(1)
  end
end
