/** User-visible texts: one line, Chinese first, English in parentheses. */
export const MESSAGES = {
  notFoundOnPath:
    '找不到 jxlint：请在工作区运行 npm install -D jxlint，或在设置 jxlint.path 中填写 jxlint 的路径（jxlint not found: run npm install -D jxlint in the workspace, or set jxlint.path）',
  configuredPathMissing: (file: string) =>
    `设置 jxlint.path 指向的文件不存在：${file}，请改正该设置（jxlint.path points to a missing file: ${file}; fix the setting）`,
  startFailed: (detail: string) =>
    `jxlint 语言服务器未能启动：${detail}，请查看“jxlint: 显示输出”（The jxlint language server did not start: ${detail}; see "jxlint: Show output"）`,
  pathChanged: 'jxlint.path 已更改，正在重启服务器（jxlint.path changed; restarting the server）',
  showOutput: '显示输出 (Show output)',
  restart: '重启服务器 (Restart server)',
  noLintedEditor:
    '请先打开一个绩效目标表文本（语言模式 jxlint-text 或纯文本）（Open a 绩效目标表 text export first: language mode jxlint-text or plain text）',
  noSafeFixes: (file: string) => `${file} 没有可安全修复的问题（${file}: no safe fixes）`,
  fixAllFailed: (file: string, detail: string) =>
    `${file} 修复失败：${detail}（Fixing ${file} failed: ${detail}）`,
  noWordFile: '请在资源管理器中选择一个 .docx 或 .doc 文件（Select a .docx or .doc file in the Explorer）',
  serverNotRunning: (file: string) =>
    `无法显示 ${file}：jxlint 语言服务器未运行，请运行“jxlint: 重启服务器”并查看输出（Cannot show ${file}: the jxlint language server is not running; run "jxlint: Restart server" and see the output）`,
  renderFailed: (file: string, detail: string) =>
    `无法读取 ${file}：${detail}，请确认文件存在且是绩效目标表（Cannot read ${file}: ${detail}; check that the file exists and is a 绩效目标表）`,
  notAFile: (uri: string) =>
    `只能显示本地文件：${uri}（Only local files can be shown: ${uri}）`,
  reading: (file: string) => `正在读取 ${file}…（Reading ${file}…）`,
} as const;
