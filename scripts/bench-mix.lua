-- The query mixes of docs/performance.md, cycled by every wrk connection; all with the four facets (the API always
-- counts them). MIX=short (default): what people type. MIX=long: what people paste (remembered titles, sentences,
-- descriptions of 5-20 words in both languages), with date filters, paging and day histograms. MIX=typing: the
-- search page's as-you-type pattern, one request per keystroke, no filter, page 1, the last word as a prefix.
local function q(text)
  return (text:gsub("[^%w%-_.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local mixes = {
  short = {
    "/api/search?q=" .. q("模型"),
    "/api/search?q=" .. q("数据 模型 训练"),
    "/api/search?q=" .. q('"人工智能"'),
    "/api/search?q=open+source+search",
    "/api/search?q=" .. q("模型") .. "&hashtag=" .. q("人工智能"),
    "/api/search?q=" .. q("模型") .. "&from=2024-01-01&to=2024-03-31",
    "/api/search?sort=newest",
    "/api/search?q=" .. q("模型") .. "&page=50&size=20",
  },
  long = {
    "/api/search?q=" .. q("开源 大模型 训练 数据 的 评测 方法 与 社区"),
    "/api/search?q=" .. q("an open source search engine for the archive with fast ranking and facets"),
    "/api/search?q=" .. q("国务院 提出 深化 改革 措施 推动 经济 发展 和 科技 创新") .. "&from=2022-01-01&to=2023-12-31",
    "/api/search?q=" .. q("how the administrator configures logging for a new release of the local version") .. "&page=3",
    "/api/search?q=" .. q("中国人民在全国各地积极参加社会建设工作") .. "&dateInterval=day",
    "/api/search?q=" .. q("users report that the downloads command lists local files and official packages after the upgrade"),
    "/api/search?q=" .. q("关于 人工智能 模型 在 医疗 教育 金融 领域 的 应用 与 风险 分析 报告 全文"),
    "/api/search?q=" .. q("block device erase section existing point type found in the kernel documentation") .. "&from=2020-01-01&to=2021-06-30",
  },
  typing = {},
}
for _, text in ipairs({ "open source search engine", "开源大模型训练", "administrator logging" }) do
  local typed = ""
  for ch in text:gmatch("[%z\1-\127\194-\244][\128-\191]*") do
    typed = typed .. ch
    if ch ~= " " then table.insert(mixes.typing, "/api/search?prefix=last&q=" .. q(typed)) end
  end
end

local name = os.getenv("MIX") or "short"
local paths = mixes[name] or error("MIX must be short, long or typing, not " .. name)
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
