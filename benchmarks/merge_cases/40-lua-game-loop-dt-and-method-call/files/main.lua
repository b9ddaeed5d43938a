local Player = require("game.player")

local player

function love.load()
  player = Player.new(100, 100)
end

function love.update(dt)
  player:update(dt)
end

function love.keypressed(key)
  if key == "space" then
    player.shoot()
  end
end

function love.draw()
  love.graphics.rectangle("fill", player.x, player.y, 16, 16)
end
