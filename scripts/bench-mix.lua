-- The query mix of docs/performance.md, cycled by every wrk connection; all with the four facets (the API always counts them).
local paths = {
  "/api/search?q=%E6%A8%A1%E5%9E%8B",                                   -- 模型
  "/api/search?q=%E6%95%B0%E6%8D%AE+%E6%A8%A1%E5%9E%8B+%E8%AE%AD%E7%BB%83", -- 数据 模型 训练
  "/api/search?q=%22%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD%22",           -- "人工智能"
  "/api/search?q=open+source+search",
  "/api/search?q=%E6%A8%A1%E5%9E%8B&hashtag=%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD",
  "/api/search?q=%E6%A8%A1%E5%9E%8B&from=2024-01-01&to=2024-03-31",
  "/api/search?sort=newest",
  "/api/search?q=%E6%A8%A1%E5%9E%8B&page=50&size=20",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
