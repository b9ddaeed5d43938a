local Player = {}
Player.__index = Player

local SPEED = 4
local GRAVITY = 0.5

function Player.new(x, y)
  return setmetatable({ x = x, y = y, vy = 0, bullets = {} }, Player)
end

function Player:update(dt)
  if love.keyboard.isDown("right") then
    self.x = self.x + SPEED
  end
  self.vy = self.vy + GRAVITY
  self.y = self.y + self.vy
  for i, b in ipairs(self.bullets) do
    b.x = b.x + b.speed * dt
    if b.x > 800 then
      table.remove(self.bullets, i)
    end
  end
end

function Player:shoot()
  self.bullets[#self.bullets + 1] = { x = self.x, speed = 600 }
end

return Player
