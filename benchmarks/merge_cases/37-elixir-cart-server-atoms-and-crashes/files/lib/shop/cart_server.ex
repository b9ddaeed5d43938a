defmodule Shop.CartServer do
  use GenServer

  def start_link(user_id) do
    GenServer.start_link(__MODULE__, user_id, name: String.to_atom("cart_#{user_id}"))
  end

  def add(user_id, sku, qty) do
    GenServer.call(String.to_atom("cart_#{user_id}"), {:add, sku, qty})
  end

  @impl true
  def init(user_id), do: {:ok, %{user: user_id, items: %{}}}

  @impl true
  def handle_call({:add, sku, qty}, _from, state) do
    items = Map.update(state.items, sku, qty, &(&1 + qty))
    price = Shop.Pricing.fetch!(sku)
    {:reply, {:ok, price * qty}, %{state | items: items}}
  end
end
