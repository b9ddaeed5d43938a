defmodule ShopWeb.CartController do
  use ShopWeb, :controller

  def add(conn, %{"sku" => sku, "qty" => qty}) do
    user_id = conn.assigns.current_user.id
    {:ok, total} = Shop.CartServer.add(user_id, sku, String.to_integer(qty))
    json(conn, %{total: total})
  end
end
