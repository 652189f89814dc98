"""The staff panel's own words, in both languages. Kept apart from the visitors' `kiosk.ui.strings`: staff
vocabulary (PINs, CSV, log files) never appears on a visitor screen."""

from __future__ import annotations

from kiosk.content.schema import Lang

_STRINGS: dict[str, tuple[str, str]] = {
    # keypad
    "pin_title": ("工作人员登录", "Staff sign-in"),
    "pin_hint": ("请输入密码", "Enter the PIN"),
    "pin_wrong": ("密码错误，还可尝试 {n} 次", "Wrong PIN: {n} more tries"),
    "pin_locked": ("错误次数过多，请 {t}后再试", "Too many wrong PINs: try again in {t}"),
    "pin_closed": ("密码文件已损坏，暂停登录。请安装人员在电脑上运行 kiosk reset-pin（见说明“忘记密码”）",
                   "The PIN file is damaged: sign-in is closed. An installer can run “kiosk reset-pin” on the PC "
                   "(README: Forgotten PIN)"),
    "pin_new": ("设置新密码（4–8 位数字）", "New PIN (4–8 digits)"),
    "pin_confirm": ("再次输入新密码", "Enter the new PIN again"),
    "pin_mismatch": ("两次输入不一致，请重新设置", "The two PINs differ: start again"),
    "pin_changed": ("密码已修改", "PIN changed"),
    "pin_reason_length": ("密码须为 4–8 位数字", "A PIN has 4 to 8 digits"),
    "pin_reason_digits_only": ("密码只能包含数字", "Digits only"),
    "pin_reason_is_default": ("不能使用出厂密码", "Choose a PIN other than the shipped one"),
    "pin_reason_not_saved": ("磁盘无法写入，密码未修改", "The disk refused: the PIN was not changed"),
    "cancel": ("取消", "Cancel"),
    "ok": ("确定", "OK"),
    # panel
    "panel_title": ("工作人员面板", "Staff panel"),
    "close_panel": ("返回展览", "Back to the exhibition"),
    "nag_default_pin": ("仍在使用出厂密码 {pin}，请立即修改", "Still using the shipped PIN {pin}: please change it"),
    "change_pin": ("修改密码", "Change PIN"),
    "tab_settings": ("设置", "Settings"),
    "tab_content": ("内容", "Content"),
    "tab_stats": ("统计", "Statistics"),
    "tab_diagnostics": ("诊断", "Diagnostics"),
    # settings
    "on": ("开", "On"),
    "off": ("关", "Off"),
    "open": ("开放", "Open"),
    "closed": ("闭馆", "Closed"),
    "saved": ("已保存并生效", "Saved and applied"),
    "not_saved": ("未保存：{why}", "Not saved: {why}"),
    "not_saved_disk": ("未保存：磁盘无法写入（{why}），仍为原来的值",
                       "Not saved: the disk refused ({why}); the previous value stays"),
    "settings_problems": ("设置文件曾有问题，已用默认值修复：{what}", "The settings file needed repair: {what}"),
    "day_mon": ("周一", "Mon"), "day_tue": ("周二", "Tue"), "day_wed": ("周三", "Wed"), "day_thu": ("周四", "Thu"),
    "day_fri": ("周五", "Fri"), "day_sat": ("周六", "Sat"), "day_sun": ("周日", "Sun"),
    "choice_all": ("全部", "All"), "choice_sections": ("所选篇章", "Chosen sections"),
    "choice_none": ("不播放", "None"),
    "choice_attract_photos_none": ("不播放照片", "No photos"),
    "choice_attract_transition_none": ("直接切换", "Cut (no animation)"),
    "chart_empty": ("还没有参观记录", "No visits yet"),
    "screen_photo": ("照片查看", "Photo viewer"),
    "screen_map_event": ("{map} · {event}", "{map} · {event}"),
    "choice_crossfade": ("淡入淡出", "Cross-fade"), "choice_slide": ("滑动", "Slide"),
    "choice_sequence": ("按顺序", "In sequence"), "choice_shuffle": ("随机", "Shuffled"),
    "choice_zh": ("中文", "Chinese"), "choice_en": ("英文", "English"),
    "choice_dark": ("黑屏", "Dark"), "choice_clock": ("暗色时钟", "Dim clock"),
    "unit_s": ("秒", "s"), "unit_min": ("分钟", "min"),
    # content
    "content_folder": ("内容文件夹", "Content folder"),
    "content_version": ("内容版本", "Content version"),
    "content_now": ("当前内容", "Showing"),
    "content_summary": ("{sections} 个篇章，{photos} 张照片", "{sections} sections, {photos} photos"),
    "reload": ("重新载入内容", "Reload content"),
    "reload_ok": ("已载入新内容：{summary}", "New content is showing: {summary}"),
    "reload_failed": (
        "内容有错误，继续显示原内容。问题如下（与 kiosk check 相同）：",
        "The content has errors; the current content stays. The problems (as `kiosk check` prints them):",
    ),
    "problems_more": (
        "……另有 {more} 个问题未列出；在电脑上运行 kiosk check --content {folder} 可看到全部。",
        "… and {more} more problems not listed here; run kiosk check --content {folder} at the PC for all of them.",
    ),
    "reload_not_built": ("内容通过了检查，但无法据此生成页面，继续显示原内容。原因：",
                         "The content passed the checks, but its screens could not be built; the current content "
                         "stays. Why:"),
    "content_not_shown": ("注意：无法显示 {folder} 的内容（{cause}），现显示{shown}。",
                          "Note: the content of {folder} cannot be shown ({cause}); showing {shown} instead."),
    "count_sections": ("个篇章", "sections"),
    "count_photos": ("张照片", "photos"),
    "count_placeholders": ("张示意图待替换", "placeholders to replace"),
    "count_events": ("个时间轴事件", "timeline events"),
    "count_features": ("个地图要素", "map features"),
    "to_replace_title": ("待替换为真实照片", "Still to replace with real photos"),
    "to_replace_none": ("没有示意图：所有照片都是真实照片。", "No placeholders: every photo is a real one."),
    "to_replace_more": ("……另有 {more} 张", "… and {more} more"),
    "to_replace_how": ("把真实照片以同一文件名放入 photos/，并在内容中删去 placeholder = true。",
                       "Put the real photo in photos/ under the same name and remove placeholder = true."),
    "check_title": ("检查", "Checks"),
    "checked_at_start": ("程序启动时已检查并载入，此后文件夹未发现改动。",
                         "Checked and loaded when the kiosk started; no change found in the folder since."),
    "checked_last": ("最近一次检查：{time}", "Last checked: {time}"),
    "check_how": ("完整的检查报告（每个问题的文件与字段），在电脑上运行：\nkiosk check --content {folder}",
                  "The full report (the file and field of each problem), at the PC:\nkiosk check --content {folder}"),
    "content_bundled": ("随程序附带的展览", "the exhibition bundled with the kiosk"),
    "content_earlier": ("此前的内容", "the content shown before"),
    # content from a USB drive
    "import": ("从U盘导入内容", "Import content from USB"),
    "roll_back": ("恢复上一版内容", "Roll back"),
    "import_choose": ("选择存有展览内容的U盘（lukou-content 或 content 文件夹）",
                      "Choose the USB drive with the content (a lukou-content or content folder)"),
    "import_none": ("没有找到U盘或其他可读取的位置。插入U盘后再点一次“从U盘导入内容”。",
                    "No USB drive or other readable place found. Plug a drive in and tap “Import content from "
                    "USB” again."),
    "import_ok": ("已从 {source} 导入并显示新内容：{summary}。上一版内容已保留，可点“恢复上一版内容”。",
                  "Imported from {source} and showing: {summary}. The previous content is kept: tap “Roll back” "
                  "to return to it."),
    "import_left_out": ("U盘 photos/ 中另有 {n} 个文件没有被内容引用，未复制到本机（如 {first}）。",
                        "{n} more file(s) in the drive's photos/ are named by no text of the content and were not "
                        "copied (e.g. {first})."),
    "import_invalid": ("U盘上的内容有错误，未复制任何文件，继续显示原内容。问题如下（与 kiosk check 相同）：",
                       "The content on the drive has errors: nothing was copied and the current content stays. "
                       "The problems (as `kiosk check` prints them):"),
    "import_no_content": ("U盘上没有找到展览内容：需要 lukou-content 或 content 文件夹中的 exhibition.toml，"
                          "或U盘根目录下的 exhibition.toml。未导入。",
                          "No content found on the drive: it needs exhibition.toml in a lukou-content or content "
                          "folder, or at the top of the drive. Nothing was imported."),
    "import_disk_full": ("本机磁盘空间不足，未导入，继续显示原内容。", "This PC's disk is full: nothing was "
                         "imported and the current content stays."),
    "import_stick_gone": ("复制时U盘被拔出或无法读取，未导入，继续显示原内容。请重新插入U盘再试。",
                          "The drive was pulled out or could not be read during the copy: nothing was imported "
                          "and the current content stays. Plug it in again and retry."),
    "import_cannot_write": ("无法写入本机的内容文件夹，未导入，继续显示原内容。",
                            "This PC's content folder cannot be written: nothing was imported and the current "
                            "content stays."),
    "import_copy_differs": ("复制到本机的内容与U盘上的不一致（U盘可能损坏或在复制时被改动），未导入，继续显示原内容。",
                            "The copy on this PC differs from the drive (a damaged drive, or one changed during "
                            "the copy): nothing was imported and the current content stays."),
    "import_pinned": ("注意：本机的内容文件夹由安装设置（KIOSK_CONTENT）指定，重启后将恢复为该文件夹。",
                      "Note: this PC's content folder is set by its installation (KIOSK_CONTENT): after a "
                      "restart the kiosk shows that folder again."),
    "rollback_ok": ("已恢复上一版内容：{summary}", "Rolled back; now showing: {summary}"),
    "rollback_failed": ("上一版内容无法显示，继续显示当前内容。原因：", "The previous content cannot be shown; the "
                        "current content stays. Why:"),
    "working": ("正在检查并复制，请稍候……", "Checking and copying, please wait…"),
    # live preview and watching the content folder
    "preview_title": ("内容有 {n} 个问题，未载入", "The content has {n} problem(s): not shown"),
    "preview_explain": ("{folder} 中保存的修改有错误，仍显示上一次正确的内容。改正后保存，本提示自动消失。\n"
                        "问题如下（与 kiosk check 相同）：",
                        "A change saved in {folder} has errors, so the last good content is still showing. Fix "
                        "and save: this note goes by itself.\nThe problems (as `kiosk check` prints them):"),
    "preview_hide": ("隐藏", "Hide"),
    "watch_refused": ("{time} 内容文件夹中的修改有 {n} 个问题，未载入，继续显示上一次正确的内容。前几个问题：",
                      "{time}: a change in the content folder has {n} problem(s) and was not shown; the last good "
                      "content stays. The first problems:"),
    "watch_shown": ("{time} 已自动载入内容文件夹中的修改。", "{time}: a change in the content folder is showing."),
    "watch_changing": ("内容文件夹自 {since} 起一直在变化，从未停下：每 30 秒按当时的内容检查一次。"
                       "请查看是什么程序在不断写入它。",
                       "The content folder has not stopped changing since {since}: it is checked as it is every 30 s. "
                       "Look for the program that keeps writing to it."),
    # statistics
    "stats_totals": ("近 {days} 天：{visits} 次参观，平均 {avg}；打开照片 {photos} 次，点击地图 {features} 次",
                     "Last {days} days: visits {visits}, {avg} on average; photos opened {photos}, "
                     "map features tapped {features}"),  # counts after their nouns: no "1 visits"
    "stats_totals_none": ("近 {days} 天：还没有参观记录", "Last {days} days: no visits yet"),
    "stats_accessible": ("其中使用无障碍模式：{accessible} 次（{share}）",
                         "Of these in accessible mode: {accessible} ({share})"),
    "stats_accessible_none": ("其中使用无障碍模式：0 次", "Of these in accessible mode: none"),
    "chart_per_day": ("每日参观次数", "Visits per day"),
    "chart_per_hour": ("各时段参观次数（近 30 天）", "Visits by hour (last 30 days)"),
    "chart_top_screens": ("最常打开的页面", "Most opened screens"),
    "screen_primary": ("主显示器", "Primary screen"),
    "export_csv": ("导出 CSV", "Export CSV"),
    "export_choose": ("选择导出位置（如 U 盘）", "Choose where to export (e.g. a USB stick)"),
    "export_none": (
        "没有找到可写入的位置，请插入 U 盘后重试", "No writable place found: insert a USB stick and try again"
    ),
    "export_done": ("已导出：{files}", "Exported: {files}"),
    "export_failed": ("导出失败：{why}", "Export failed: {why}"),
    "refresh": ("刷新", "Refresh"),
    "stats_where": ("统计数据保存在 {path}", "Statistics are kept in {path}"),
    "stats_damaged": ("统计数据库于 {when} 发现损坏，已另存为 {file}，从那时起重新计数（之前的数据在该文件中）",
                      "The statistics database was found damaged on {when}: it is kept as {file} and counting "
                      "started again then (earlier figures are in that file)"),
    "stats_off": ("自 {when} 起访客统计无法保存：{why}", "Visitor statistics cannot be stored since {when}: {why}"),
    "stats_recording": ("正常记录中", "recording"),
    "diag_stats": ("访客统计", "Visitor statistics"),
    # diagnostics
    "diag_app": ("程序版本", "App version"),
    "diag_screen": ("屏幕", "Screen"),
    "diag_fps": ("帧率", "Frame rate"),
    "diag_memory": ("内存", "Memory"),
    "diag_uptime": ("运行时间", "Uptime"),
    "diag_restart": ("上次重启原因", "Last restart"),
    "diag_files": ("文件位置", "Files"),
    "diag_log": ("日志（最新在下）", "Log (newest last)"),
    "diag_log_empty": ("日志文件中还没有记录。", "The log file has no lines yet."),
    "measuring": ("测量中…", "measuring…"),
    "cleaning": ("清洁模式（30 秒）", "Cleaning mode (30 s)"),
    "cleaning_title": ("清洁屏幕中，触摸暂不响应", "Cleaning: touch is ignored"),
    "cleaning_left": ("秒后恢复触摸", "seconds until touch works again"),
    "touch_test": ("触摸测试", "Touch test"),
    "touch_test_hint": ("用手指触摸屏幕任意位置，每个触点都会显示", "Touch anywhere: every touch point is drawn"),
    "touch_points": ("当前触点：{n}　最多同时：{max}", "Touch points now: {n}   most at once: {max}"),
    "done": ("完成", "Done"),
    "restart": ("重启程序", "Restart the app"),
    "exit": ("退出到桌面", "Exit to desktop"),
    "confirm_again": ("再按一次确认", "Tap again to confirm"),
    # settings: the accessibility group
    "accessibility": ("无障碍", "Accessibility"),
    "reach_band_now": ("访客开启“无障碍”后，全部界面移到离地 {low}–{high} 米之间（屏幕最下方 {rows} 行像素，"
                       "按 {diagonal} 英寸计算），文字放大，时限加倍。",
                       "When a visitor turns on Accessible, the whole interface moves to {low}–{high} m above the "
                       "floor (the lowest {rows} rows, for a {diagonal}\" screen), text grows and time limits double."),
    "reach_whole": ("此屏幕全部在坐姿可及范围内（{low}–{high} 米）：“无障碍”只放大文字、加倍时限。",
                    "This screen is all within seated reach ({low}–{high} m): Accessible only enlarges text and "
                    "doubles time limits."),
}


def sw(key: str, lang: Lang, **values: object) -> str:
    zh, en = _STRINGS[key]
    text = zh if lang == "zh" else en
    return text.format(**values) if values else text


def has(key: str) -> bool:
    return key in _STRINGS
