<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AllFacts</name>
    <message>
        <source>All Facts</source>
        <translation>全部事实</translation>
    </message>
    <message>
        <source>Report shown</source>
        <translation>显示的报告</translation>
    </message>
    <message>
        <source>Filter: words, &gt; 1 million, over 50%, kind:share, unit:%</source>
        <translation>筛选：词语、&gt; 1 million、over 50%、kind:share、unit:%</translation>
    </message>
    <message>
        <source>Filter facts</source>
        <translation>筛选事实</translation>
    </message>
    <message>
        <source>Facts shown</source>
        <translation>显示的事实</translation>
    </message>
    <message>
        <source>Facets: click one to filter by it</source>
        <translation>分面：点击一项即按其筛选</translation>
    </message>
    <message>
        <source>All facts</source>
        <translation>全部事实</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Copy &amp;Link</source>
        <translation>复制链接(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Copy Link</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <source>All reports</source>
        <translation>全部报告</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在计数…</translation>
    </message>
    <message>
        <source>{0:,} fact{1}</source>
        <translation>{0:,} 条事实</translation>
    </message>
    <message>
        <source>Could not count</source>
        <translation>无法计数</translation>
    </message>
    <message>
        <source>{0}: {1:,} facts; click to filter by it</source>
        <translation>{0}：{1:,} 条事实；点击即按其筛选</translation>
    </message>
    <message>
        <source>Copied link {0}</source>
        <translation>已复制链接 {0}</translation>
    </message>
    <message>
        <source>Export Facts</source>
        <translation>导出事实</translation>
    </message>
    <message>
        <source>facts.csv</source>
        <translation>facts.csv</translation>
    </message>
    <message>
        <source>Saved {0:,} facts to {1}</source>
        <translation>已将 {0:,} 条事实保存到 {1}</translation>
    </message>
</context>
<context>
    <name>AnnotationActions</name>
    <message>
        <source>Delete Bookmark</source>
        <translation>删除书签</translation>
    </message>
    <message>
        <source>Delete the bookmark, note and tags of {0}?</source>
        <translation>删除“{0}”的书签、笔记和标签？</translation>
    </message>
    <message>
        <source>&amp;Bookmark</source>
        <translation>书签(&amp;B)</translation>
    </message>
    <message>
        <source>Star the fact or section viewed</source>
        <translation>为正在查看的事实或章节加星标</translation>
    </message>
    <message>
        <source>Bookmark Selected &amp;Passage</source>
        <translation>将所选段落加入书签(&amp;P)</translation>
    </message>
    <message>
        <source>Star the passage selected in the page</source>
        <translation>为页面中所选段落加星标</translation>
    </message>
    <message>
        <source>&amp;Note…</source>
        <translation>笔记(&amp;N)…</translation>
    </message>
    <message>
        <source>A note and tags on the fact or section viewed</source>
        <translation>为正在查看的事实或章节写笔记和标签</translation>
    </message>
    <message>
        <source>Export &amp;Notes…</source>
        <translation>导出笔记(&amp;N)…</translation>
    </message>
    <message>
        <source>Save every bookmark and note</source>
        <translation>保存全部书签和笔记</translation>
    </message>
    <message>
        <source>Import N&amp;otes…</source>
        <translation>导入笔记(&amp;O)…</translation>
    </message>
    <message>
        <source>Read bookmarks and notes from a JSON file</source>
        <translation>从 JSON 文件读取书签和笔记</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
    <message>
        <source>Bookmarks panel</source>
        <translation>书签面板</translation>
    </message>
    <message>
        <source>&amp;Bookmarks</source>
        <translation>书签(&amp;B)</translation>
    </message>
    <message>
        <source>Show or hide every bookmark and note</source>
        <translation>显示或隐藏全部书签和笔记</translation>
    </message>
    <message>
        <source>Select the passage in the page first</source>
        <translation>请先在页面中选择段落</translation>
    </message>
    <message>
        <source>The selection is not a passage of one paragraph of the report</source>
        <translation>所选内容不是报告中某一段落的文字</translation>
    </message>
    <message>
        <source>Cannot open the bookmark: {0}</source>
        <translation>无法打开书签：{0}</translation>
    </message>
    <message>
        <source>Moved: {0}; the bookmark now points there</source>
        <translation>已移动：{0}；书签现已指向新位置</translation>
    </message>
    <message>
        <source>Cannot open the report: {0}</source>
        <translation>无法打开报告：{0}</translation>
    </message>
    <message>
        <source>The report “{0}” is not in the library: add it to open this</source>
        <translation>报告“{0}”不在资料库中：请先添加再打开</translation>
    </message>
    <message>
        <source>Cannot open the report “{0}”: {1}</source>
        <translation>无法打开报告“{0}”：{1}</translation>
    </message>
    <message>
        <source>Export Notes</source>
        <translation>导出笔记</translation>
    </message>
    <message>
        <source>notes.md</source>
        <translation>notes.md</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
</context>
<context>
    <name>BookmarksModel</name>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>已加星标</translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Words in the note, the quote or the label</source>
        <translation>笔记、引文或标签中的词语</translation>
    </message>
    <message>
        <source>Filter bookmarks</source>
        <translation>筛选书签</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Bookmarks and notes</source>
        <translation>书签和笔记</translation>
    </message>
    <message>
        <source>The selected item&apos;s note</source>
        <translation>所选项目的笔记</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the bookmark, its note and its tags</source>
        <translation>删除书签及其笔记和标签</translation>
    </message>
    <message>
        <source>{0} item{1}</source>
        <translation>{0} 项</translation>
    </message>
</context>
<context>
    <name>ChartExportDialog</name>
    <message>
        <source>Default (1600 px wide)</source>
        <translation>默认（宽 1600 像素）</translation>
    </message>
    <message>
        <source>Slide, 16:9 (1920 × 1080)</source>
        <translation>幻灯片，16:9（1920 × 1080）</translation>
    </message>
    <message>
        <source>4:3 (1600 × 1200)</source>
        <translation>4:3（1600 × 1200）</translation>
    </message>
    <message>
        <source>Square (1200 × 1200)</source>
        <translation>正方形（1200 × 1200）</translation>
    </message>
    <message>
        <source>Newspaper column (600 px wide)</source>
        <translation>报纸栏宽（宽 600 像素）</translation>
    </message>
    <message>
        <source>Custom size</source>
        <translation>自定义尺寸</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Transparent</source>
        <translation>透明</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>A line under the title</source>
        <translation>标题下方的一行文字</translation>
    </message>
    <message>
        <source>Notes under the plot, after the chart&apos;s own</source>
        <translation>图表下方的注释，排在图表自身注释之后</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>{0}× (PNG)</source>
        <translation>{0}×（PNG）</translation>
    </message>
    <message>
        <source>Preview of the picture</source>
        <translation>图片预览</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Subtitle:</source>
        <translation>副标题(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>注释(&amp;N)：</translation>
    </message>
    <message>
        <source>Si&amp;ze:</source>
        <translation>尺寸(&amp;Z)：</translation>
    </message>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source>Custom size:</source>
        <translation>自定义尺寸：</translation>
    </message>
    <message>
        <source>Sc&amp;ale:</source>
        <translation>缩放(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Background:</source>
        <translation>背景(&amp;B)：</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>The picture will be {0} × {1} pixels</source>
        <translation>图片将为 {0} × {1} 像素</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Loading chart…</source>
        <translation>正在加载图表…</translation>
    </message>
    <message>
        <source>Chart status</source>
        <translation>图表状态</translation>
    </message>
    <message>
        <source>Chart data</source>
        <translation>图表数据</translation>
    </message>
    <message>
        <source>No chart for this page.</source>
        <translation>此页面没有图表。</translation>
    </message>
    <message>
        <source>Charts are unavailable ({0}); the data is in the table below.</source>
        <translation>图表不可用（{0}）；数据见下表。</translation>
    </message>
    <message>
        <source>Chart: {0}</source>
        <translation>图表：{0}</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>growth on a year earlier (per cent)</source>
        <translation>同比增长（百分比）</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>其余</translation>
    </message>
    <message>
        <source>Rest: 100% − {0}, implied</source>
        <translation>其余：100% − {0}，推算</translation>
    </message>
    <message>
        <source>Year earlier</source>
        <translation>上年同期</translation>
    </message>
    <message>
        <source>period</source>
        <translation>时期</translation>
    </message>
    <message>
        <source>billion</source>
        <translation>十亿</translation>
    </message>
    <message>
        <source>million</source>
        <translation>百万</translation>
    </message>
    <message>
        <source>Dashed outline: derived from the report&apos;s figures, not stated in the report.</source>
        <translation>虚线框：由报告数字推算，报告未直接给出。</translation>
    </message>
</context>
<context>
    <name>CitationActions</name>
    <message>
        <source>Copy &amp;Citation ({0})</source>
        <translation>复制引文(&amp;C)（{0}）</translation>
    </message>
    <message>
        <source>Copy a citation of the fact, section or report viewed</source>
        <translation>复制正在查看的事实、章节或报告的引文</translation>
    </message>
    <message>
        <source>Copy a citation in {0}; Copy Citation then uses it</source>
        <translation>以 {0} 格式复制引文；之后“复制引文”将使用此格式</translation>
    </message>
    <message>
        <source>Nothing to cite here: open a fact, a section or the report</source>
        <translation>此处没有可引用的内容：请打开事实、章节或报告</translation>
    </message>
    <message>
        <source>The citation could not be made: {0}</source>
        <translation>无法生成引文：{0}</translation>
    </message>
    <message>
        <source>Citation copied ({0})</source>
        <translation>已复制引文（{0}）</translation>
    </message>
</context>
<context>
    <name>CompareActions</name>
    <message>
        <source>Add to Co&amp;mparison</source>
        <translation>加入比较(&amp;M)</translation>
    </message>
    <message>
        <source>Put the fact viewed beside others</source>
        <translation>将正在查看的事实与其他事实并列</translation>
    </message>
    <message>
        <source>&amp;Remove from Comparison</source>
        <translation>从比较中移除(&amp;R)</translation>
    </message>
    <message>
        <source>Take the fact viewed out</source>
        <translation>移除正在查看的事实</translation>
    </message>
    <message>
        <source>C&amp;lear Comparison</source>
        <translation>清空比较(&amp;L)</translation>
    </message>
    <message>
        <source>Take every fact out of the comparison</source>
        <translation>从比较中移除全部事实</translation>
    </message>
    <message>
        <source>Co&amp;mparison</source>
        <translation>比较(&amp;M)</translation>
    </message>
    <message>
        <source>The facts put side by side</source>
        <translation>并列的事实</translation>
    </message>
    <message>
        <source>Export Co&amp;mparison…</source>
        <translation>导出比较(&amp;M)…</translation>
    </message>
    <message>
        <source>Save the comparison as PNG, SVG, CSV or PDF</source>
        <translation>将比较保存为 PNG、SVG、CSV 或 PDF</translation>
    </message>
    <message>
        <source>Copy Comparison Chart</source>
        <translation>复制比较图表</translation>
    </message>
    <message>
        <source>Copy the comparison&apos;s charts</source>
        <translation>复制比较的图表</translation>
    </message>
    <message>
        <source>Print &amp;Brief…</source>
        <translation>打印简报(&amp;B)…</translation>
    </message>
    <message>
        <source>The comparison or the bookmarks as one PDF</source>
        <translation>将比较或书签输出为一个 PDF</translation>
    </message>
    <message>
        <source>Added {0} to the comparison ({1} facts)</source>
        <translation>已将“{0}”加入比较（{1} 条事实）</translation>
    </message>
    <message>
        <source>Removed from the comparison ({0} facts left)</source>
        <translation>已从比较中移除（剩余 {0} 条事实）</translation>
    </message>
    <message>
        <source>The comparison is empty</source>
        <translation>比较为空</translation>
    </message>
    <message>
        <source>Comparison charts</source>
        <translation>比较图表</translation>
    </message>
    <message>
        <source>Export Comparison</source>
        <translation>导出比较</translation>
    </message>
    <message>
        <source>comparison.png</source>
        <translation>comparison.png</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <source>Comparison chart copied</source>
        <translation>已复制比较图表</translation>
    </message>
    <message>
        <source>Print Brief</source>
        <translation>打印简报</translation>
    </message>
    <message>
        <source>brief.pdf</source>
        <translation>brief.pdf</translation>
    </message>
    <message>
        <source>Writing PDF…</source>
        <translation>正在写入 PDF…</translation>
    </message>
    <message>
        <source>Cancelled; nothing written</source>
        <translation>已取消；未写入任何内容</translation>
    </message>
</context>
<context>
    <name>CompareVersionsDialog</name>
    <message>
        <source>Compare Versions</source>
        <translation>比较版本</translation>
    </message>
    <message>
        <source>Older version</source>
        <translation>较旧版本</translation>
    </message>
    <message>
        <source>Newer version</source>
        <translation>较新版本</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>比较(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Older:</source>
        <translation>较旧(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Newer:</source>
        <translation>较新(&amp;N)：</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>正在比较…</translation>
    </message>
</context>
<context>
    <name>DiffActions</name>
    <message>
        <source>Compare &amp;Versions…</source>
        <translation>比较版本(&amp;V)…</translation>
    </message>
    <message>
        <source>What changed between two reports of the library</source>
        <translation>资料库中两份报告之间的变化</translation>
    </message>
</context>
<context>
    <name>DiffPage</name>
    <message>
        <source>…and {n} more</source>
        <translation>……另有 {n} 项</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>有哪些变化</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>The two fact bases hold the same facts, sections and glossary.</source>
        <translation>两个事实库的事实、章节和术语表相同。</translation>
    </message>
    <message>
        <source>Facts added</source>
        <translation>新增事实</translation>
    </message>
    <message>
        <source>Facts removed</source>
        <translation>删除的事实</translation>
    </message>
    <message>
        <source>Facts changed</source>
        <translation>变化的事实</translation>
    </message>
    <message>
        <source>Sections added</source>
        <translation>新增章节</translation>
    </message>
    <message>
        <source>Sections removed</source>
        <translation>删除的章节</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Fact Explorer</source>
        <translation>事实浏览器</translation>
    </message>
    <message>
        <source>Print Preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>&amp;Export Chart…</source>
        <translation>导出图表(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the chart as PNG, SVG or CSV</source>
        <translation>将图表保存为 PNG、SVG 或 CSV</translation>
    </message>
    <message>
        <source>Copy C&amp;hart</source>
        <translation>复制图表(&amp;H)</translation>
    </message>
    <message>
        <source>Copy the chart to the clipboard as a picture</source>
        <translation>将图表作为图片复制到剪贴板</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the fact sheet of what is viewed</source>
        <translation>打印正在查看内容的事实页</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>导出 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Save the fact sheet of what is viewed as PDF</source>
        <translation>将正在查看内容的事实页保存为 PDF</translation>
    </message>
    <message>
        <source>Export &amp;All Charts…</source>
        <translation>导出全部图表(&amp;A)…</translation>
    </message>
    <message>
        <source>Save every chart as PNG into a folder</source>
        <translation>将每张图表以 PNG 保存到文件夹</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>{0}.png</source>
        <translation>{0}.png</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <source>Chart copied</source>
        <translation>已复制图表</translation>
    </message>
    <message>
        <source>Export All Charts</source>
        <translation>导出全部图表</translation>
    </message>
    <message>
        <source>Saved {0} charts in {1}</source>
        <translation>已在 {1} 中保存 {0} 张图表</translation>
    </message>
    <message>
        <source>Exporting charts…</source>
        <translation>正在导出图表…</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>{0}.pdf</source>
        <translation>{0}.pdf</translation>
    </message>
    <message>
        <source>Writing PDF…</source>
        <translation>正在写入 PDF…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
</context>
<context>
    <name>FactTableModel</name>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>标识</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>over</source>
        <translation>超过</translation>
    </message>
    <message>
        <source>more than</source>
        <translation>多于</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>至少</translation>
    </message>
    <message>
        <source>about</source>
        <translation>约</translation>
    </message>
    <message>
        <source>up to</source>
        <translation>最多</translation>
    </message>
    <message>
        <source>nearly</source>
        <translation>近</translation>
    </message>
    <message>
        <source>less than</source>
        <translation>少于</translation>
    </message>
    <message>
        <source>per cent</source>
        <translation>百分比</translation>
    </message>
    <message>
        <source>rank</source>
        <translation>排名</translation>
    </message>
</context>
<context>
    <name>GlossaryPanel</name>
    <message>
        <source>Filter terms (Ctrl+Shift+F)</source>
        <translation>筛选术语 (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>Glossary filter</source>
        <translation>术语筛选</translation>
    </message>
    <message>
        <source>Glossary terms</source>
        <translation>术语</translation>
    </message>
    <message>
        <source>Choose a term to read its definition.</source>
        <translation>选择一个术语以阅读其定义。</translation>
    </message>
    <message>
        <source>No term matches the filter.</source>
        <translation>没有与筛选条件匹配的术语。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Create Fact Base</source>
        <translation>创建事实库</translation>
    </message>
    <message>
        <source>Import Report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <source>Import Report — {0}</source>
        <translation>导入报告 — {0}</translation>
    </message>
    <message>
        <source>the report&apos;s headline</source>
        <translation>报告标题</translation>
    </message>
    <message>
        <source>who published it (optional)</source>
        <translation>发布者（可选）</translation>
    </message>
    <message>
        <source>2025-07-01: completes &apos;Q2&apos;, &apos;last year&apos;</source>
        <translation>2025-07-01：用于补全“Q2”“last year”</translation>
    </message>
    <message>
        <source>the date the figures are as of (default: the date)</source>
        <translation>数据截止日期（默认：报告日期）</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Publisher:</source>
        <translation>发布者(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;As of:</source>
        <translation>截至(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Find Facts Again</source>
        <translation>重新查找事实(&amp;F)</translation>
    </message>
    <message>
        <source>Read the report again with this date (your changes to the table are lost)</source>
        <translation>按此日期重新读取报告（表格中的修改将丢失）</translation>
    </message>
    <message>
        <source>&amp;Keep All</source>
        <translation>全部保留(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Reject All</source>
        <translation>全部拒绝(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Create Fact Base…</source>
        <translation>创建事实库(&amp;C)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Finding the facts of {0}…</source>
        <translation>正在查找“{0}”中的事实…</translation>
    </message>
    <message>
        <source>{0}: is the report itself; choose another name for the fact base</source>
        <translation>{0}：是报告本身；请为事实库另选一个文件名</translation>
    </message>
    <message>
        <source>Writing {0}…</source>
        <translation>正在写入 {0}…</translation>
    </message>
    <message>
        <source> The date changed: Find Facts Again reads the periods again.</source>
        <translation> 日期已更改：“重新查找事实”会按新日期读取时期。</translation>
    </message>
    <message>
        <source>{0} of {1} proposed facts kept ({2} numbers left out as not metrics). Space keeps or rejects a row; F2 or Enter edits a cell.{3}</source>
        <translation>已保留 {1} 条候选事实中的 {0} 条（另有 {2} 个数字因不是指标而略去）。空格键保留或拒绝一行；F2 或回车编辑单元格。{3}</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;System Language</source>
        <translation>系统语言(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>The language changes when Fact Explorer starts again.</source>
        <translation>语言将在事实浏览器下次启动时更改。</translation>
    </message>
</context>
<context>
    <name>LibraryTreeModel</name>
    <message>
        <source>{0:,} facts</source>
        <translation>{0:,} 条事实</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Reports, sections and facts</source>
        <translation>报告、章节和事实</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>术语表</translation>
    </message>
    <message>
        <source>Glossary panel</source>
        <translation>术语表面板</translation>
    </message>
    <message>
        <source>This fact base was found damaged and is not shown. Open another one (File ▸ Open…).</source>
        <translation>发现此事实库已损坏，不予显示。请打开另一个（文件 ▸ 打开…）。</translation>
    </message>
    <message>
        <source>Fact Explorer — {0}</source>
        <translation>事实浏览器 — {0}</translation>
    </message>
    <message>
        <source>{0:,} facts · fact base v{1} · figures as of {2}</source>
        <translation>{0:,} 条事实 · 事实库 v{1} · 数据截至 {2}</translation>
    </message>
    <message>
        <source>No report {0!r} in the library</source>
        <translation>资料库中没有报告 {0!r}</translation>
    </message>
    <message>
        <source>Cannot open the report: {0}</source>
        <translation>无法打开报告：{0}</translation>
    </message>
    <message>
        <source>No glossary term {0!r}</source>
        <translation>术语表中没有术语 {0!r}</translation>
    </message>
    <message>
        <source>{0} — click to open</source>
        <translation>{0} — 点击打开</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>About Fact Explorer</source>
        <translation>关于事实浏览器</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Close Fact Explorer</source>
        <translation>关闭事实浏览器</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected text, or the figure viewed</source>
        <translation>复制所选文字，或正在查看的数字</translation>
    </message>
    <message>
        <source>&amp;Glossary</source>
        <translation>术语表(&amp;G)</translation>
    </message>
    <message>
        <source>Show or hide the glossary panel</source>
        <translation>显示或隐藏术语表面板</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>搜索(&amp;S)…</translation>
    </message>
    <message>
        <source>Search facts, passages and terms</source>
        <translation>搜索事实、段落和术语</translation>
    </message>
    <message>
        <source>&amp;Find in Glossary…</source>
        <translation>在术语表中查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Filter the glossary&apos;s terms</source>
        <translation>筛选术语表中的术语</translation>
    </message>
    <message>
        <source>&amp;All Facts…</source>
        <translation>全部事实(&amp;A)…</translation>
    </message>
    <message>
        <source>A table of every fact, sortable</source>
        <translation>全部事实的表格，可排序</translation>
    </message>
    <message>
        <source>Section &amp;Tree</source>
        <translation>章节树(&amp;T)</translation>
    </message>
    <message>
        <source>Move to the section tree</source>
        <translation>转到章节树</translation>
    </message>
    <message>
        <source>&amp;Page</source>
        <translation>页面(&amp;P)</translation>
    </message>
    <message>
        <source>Move to the page being viewed</source>
        <translation>转到正在查看的页面</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>更大的文字</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>更小的文字</translation>
    </message>
    <message>
        <source>Reset &amp;Zoom</source>
        <translation>重置缩放(&amp;Z)</translation>
    </message>
    <message>
        <source>Text at its normal size</source>
        <translation>文字恢复正常大小</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <source>Go back to the previous page</source>
        <translation>返回上一页</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>前进(&amp;F)</translation>
    </message>
    <message>
        <source>Go forward again</source>
        <translation>再次前进</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>报告(&amp;R)</translation>
    </message>
    <message>
        <source>Go to the report&apos;s front page</source>
        <translation>转到报告首页</translation>
    </message>
    <message>
        <source>Open &amp;Link…</source>
        <translation>打开链接(&amp;L)…</translation>
    </message>
    <message>
        <source>Open a copied link such as fact:ID@REPORT</source>
        <translation>打开复制的链接，例如 fact:ID@REPORT</translation>
    </message>
    <message>
        <source>&amp;About Fact Explorer</source>
        <translation>关于事实浏览器(&amp;A)</translation>
    </message>
    <message>
        <source>Which fact base this is, and its version</source>
        <translation>这是哪个事实库及其版本</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>&amp;Starred (bookmarked)</source>
        <translation>加星标（书签）(&amp;S)</translation>
    </message>
    <message>
        <source>Markdown: **bold**, *italic*, `code`, - lists</source>
        <translation>Markdown：**粗体**、*斜体*、`代码`、- 列表</translation>
    </message>
    <message>
        <source>Note, in Markdown</source>
        <translation>笔记（Markdown）</translation>
    </message>
    <message>
        <source>Note as it reads</source>
        <translation>笔记预览</translation>
    </message>
    <message>
        <source>tags, separated by commas</source>
        <translation>标签，以逗号分隔</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>标签(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>derived</source>
        <translation>推算</translation>
    </message>
    <message>
        <source>Source: {source}. File: {file}</source>
        <translation>来源：{source}。文件：{file}</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>…and {count} more sections: the tree lists them all.</source>
        <translation>……另有 {count} 个章节：左侧树列出全部。</translation>
    </message>
    <message>
        <source>Facts in this section</source>
        <translation>本章节的事实</translation>
    </message>
    <message>
        <source>…and {count} more facts: the tree and View ▸ All Facts list them all.</source>
        <translation>……另有 {count} 条事实：左侧树和“视图 ▸ 全部事实”列出全部。</translation>
    </message>
    <message>
        <source>fact</source>
        <translation>事实</translation>
    </message>
    <message>
        <source>In words</source>
        <translation>文字表述</translation>
    </message>
    <message>
        <source>Qualifier</source>
        <translation>限定词</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时期</translation>
    </message>
    <message>
        <source>How the period is known</source>
        <translation>时期从何得知</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Derived value</source>
        <translation>推算值</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出处</translation>
    </message>
    <message>
        <source>Glossary terms used</source>
        <translation>用到的术语</translation>
    </message>
    <message>
        <source>Other facts in {section}</source>
        <translation>“{section}”中的其他事实</translation>
    </message>
    <message>
        <source>…and {count} more facts in this section.</source>
        <translation>……本节另有 {count} 条事实。</translation>
    </message>
    <message>
        <source>Mentioned in</source>
        <translation>提及于</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a fact base file</source>
        <translation>打开事实库文件</translation>
    </message>
    <message>
        <source>&amp;Import Report…</source>
        <translation>导入报告(&amp;I)…</translation>
    </message>
    <message>
        <source>Read a report (text, Markdown, HTML, PDF) and make a fact base of it</source>
        <translation>读取报告（文本、Markdown、HTML、PDF）并生成事实库</translation>
    </message>
    <message>
        <source>Re&amp;move from Library</source>
        <translation>从资料库移除(&amp;M)</translation>
    </message>
    <message>
        <source>Take the report viewed out of the library (its file stays)</source>
        <translation>将正在查看的报告移出资料库（文件保留）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Opened, but not remembered in the library: {0}</source>
        <translation>已打开，但未记入资料库：{0}</translation>
    </message>
    <message>
        <source>Remove from Library</source>
        <translation>从资料库移除</translation>
    </message>
    <message>
        <source>Take this report out of the library (its file stays)</source>
        <translation>将此报告移出资料库（文件保留）</translation>
    </message>
</context>
<context>
    <name>ReportCheck</name>
    <message>
        <source>Fact Explorer</source>
        <translation>事实浏览器</translation>
    </message>
    <message>
        <source>“{0}” is damaged and has been closed.

{1}</source>
        <translation>“{0}”已损坏，已关闭。

{1}</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Qualifier</source>
        <translation>限定词</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>原句</translation>
    </message>
    <message>
        <source>Proposed facts</source>
        <translation>候选事实</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search all reports (Ctrl+F)</source>
        <translation>搜索全部报告 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search all reports</source>
        <translation>搜索全部报告</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>搜索状态</translation>
    </message>
    <message>
        <source>Search Results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Search results panel</source>
        <translation>搜索结果面板</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>Search failed: {0}</source>
        <translation>搜索失败：{0}</translation>
    </message>
    <message>
        <source>Opened {0}</source>
        <translation>已打开 {0}</translation>
    </message>
</context>
<context>
    <name>SeriesPanel</name>
    <message>
        <source>In other reports</source>
        <translation>其他报告中</translation>
    </message>
    <message>
        <source>The same metric in other reports</source>
        <translation>其他报告中的同一指标</translation>
    </message>
    <message>
        <source>In Other Reports</source>
        <translation>其他报告中</translation>
    </message>
    <message>
        <source>In &amp;Other Reports</source>
        <translation>其他报告中(&amp;O)</translation>
    </message>
    <message>
        <source>The fact viewed in the library&apos;s other reports</source>
        <translation>资料库其他报告中正在查看的事实</translation>
    </message>
    <message>
        <source>Looking in the other reports…</source>
        <translation>正在查找其他报告…</translation>
    </message>
    <message>
        <source>Not available: {0}</source>
        <translation>不可用：{0}</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Yes, the same metric: keep the link</source>
        <translation>是，同一指标：保留关联</translation>
    </message>
    <message>
        <source>Not the same</source>
        <translation>不是同一指标</translation>
    </message>
    <message>
        <source>Not the same metric: drop it</source>
        <translation>不是同一指标：取消关联</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Forget your decision: the rule decides</source>
        <translation>忘记你的决定：由规则判断</translation>
    </message>
    <message>
        <source>No time chart: the other reports give no figure to set beside this one.</source>
        <translation>没有时间图表：其他报告中没有可与此并列的数字。</translation>
    </message>
    <message>
        <source>{0}: {1} in {2}</source>
        <translation>{0}：{2} 中的 {1}</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Fact Explorer cannot open the fact base.

{0}</source>
        <translation>事实浏览器无法打开此事实库。

{0}</translation>
    </message>
    <message>
        <source>Fact Explorer</source>
        <translation>事实浏览器</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
</context>
</TS>
