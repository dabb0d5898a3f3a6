-- Filtre pandoc de « santedoc importer » : rend au document importé la structure que son
-- traitement de texte a masquée, avant qu’il ne devienne du Markdown.
--   - un titre numéroté par le plan du document arrive dans une liste : il en sort ;
--   - un tableau sans ligne d’en-tête (le cas courant) prend sa première ligne pour en-tête.

local function has_header(blocks)
  for _, block in ipairs(blocks) do
    if block.t == "Header" then return true end
  end
  return false
end

local function lift(items, rebuild)
  local out, pending = {}, {}
  local function flush()
    if #pending > 0 then
      table.insert(out, rebuild(pending))
      pending = {}
    end
  end
  for _, item in ipairs(items) do
    if has_header(item) then
      local before, rest = {}, {}
      for _, block in ipairs(item) do
        if #rest == 0 and block.t ~= "Header" then table.insert(before, block) else table.insert(rest, block) end
      end
      if #before > 0 then table.insert(pending, before) end
      flush()
      for _, block in ipairs(rest) do table.insert(out, block) end
    else
      table.insert(pending, item)
    end
  end
  flush()
  return out
end

local function any_header(items)
  for _, item in ipairs(items) do
    if has_header(item) then return true end
  end
  return false
end

function BulletList(list)
  if any_header(list.content) then
    return lift(list.content, function(items) return pandoc.BulletList(items) end)
  end
end

function OrderedList(list)
  if any_header(list.content) then
    return lift(list.content, function(items) return pandoc.OrderedList(items, list.listAttributes) end)
  end
end

local function blank(row)
  for _, cell in ipairs(row.cells) do
    if #cell.contents > 0 then return false end
  end
  return true
end

function Table(tbl)
  local head = tbl.head.rows
  local body = tbl.bodies[1]
  if body == nil or #body.body == 0 then return nil end
  for _, row in ipairs(head) do
    if not blank(row) then return nil end
  end
  tbl.head.rows = { table.remove(body.body, 1) }
  return tbl
end
