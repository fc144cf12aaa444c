# sspr 小组件 — 简体中文 (Simplified Chinese)。
# 语法：Project Fluent (https://projectfluent.org)。变量写作 { $name }。
# 复数使用该语言的 CLDR 类别（中文只有 other）。

## 识别身份
identify-title-reset = 重置密码
identify-title-unlock = 解锁账户
identify-hint = 请输入您的用户名或电子邮件地址。我们会向您发送验证码。
identify-username = 用户名或电子邮件地址
identify-submit = 发送验证码
turnstile-waiting = 请完成安全检查以继续。
turnstile-expired = 安全检查已过期。请重新完成以继续。
turnstile-error = 安全检查无法运行。请重试。
turnstile-retry = 重新进行检查

## 验证码
code-title-email = 请查看您的电子邮件
code-title-sms = 请查看您的手机
code-hint = 我们已向 { $destination } 发送了 { $length } 位验证码。
code-label = 验证码
code-submit = 验证
code-resend = 发送新验证码
code-resend-wait = { $seconds } 秒后可发送新验证码
restart = 重新开始
switch-method = 使用其他方式

## 选择方式
choose-title = 选择验证身份的方式
choose-progress = 第 { $step } 步，共 { $total } 步
choose-email_code = 通过电子邮件将验证码发送到 { $destination }
choose-sms_code = 通过短信将验证码发送到 { $destination }
choose-authenticator = 使用身份验证器应用
choose-app_notification = 在手机上批准通知
choose-security_questions = 回答安全问题

## 新密码
password-title = 设置新密码
password-label = 新密码
password-show = 显示
password-hide = 隐藏
password-rule-min = 至少 { $count } 个字符
password-rule-max = 最多 { $count } 个字符
password-rule-classes = 至少包含以下 { $count } 种：大写字母、小写字母、数字、符号
rule-met = （已满足）
rule-not-met = （未满足）
password-not-ready = 您的新密码尚未满足以下规则。
password-submit = 更改密码
strength-label = 密码强度
strength-score-0 = 非常弱
strength-score-1 = 弱
strength-score-2 = 一般
strength-score-3 = 强
strength-score-4 = 非常强
strength-warning-keyboard = 键盘上的连续行和图案很容易被猜到。
strength-warning-repeats = 重复的字符很容易被猜到。
strength-warning-common = 这是一个非常常见的密码。
strength-warning-similar = 这与常见密码相似。
strength-warning-sequence = 像 abc 或 6543 这样的序列很容易被猜到。
strength-warning-years = 最近的年份很容易被猜到。
strength-warning-word = 单个单词很容易被猜到。
strength-warning-dates = 日期很容易被猜到。
strength-warning-names = 单独的姓名很容易被猜到。
strength-suggestion-more_words = 再加一两个单词；不常见的单词更好。
strength-suggestion-no_symbols_needed = 不需要符号、数字或大写字母：长度更重要。
strength-suggestion-capitals = 大写字母帮助不大。
strength-suggestion-reversed = 倒写的单词并不难猜多少。
strength-suggestion-substitutions = 用 @ 代替 a 之类的替换帮助不大。
strength-suggestion-keyboard = 请使用更长、转折更多的键盘图案。
strength-suggestion-repeats = 避免重复的单词和字符。
strength-suggestion-sequences = 避免序列。
strength-suggestion-dates = 避免与您相关的日期和年份。

## 结果
done-title-reset = 密码已更改
done-hint-reset = 现在您可以使用新密码登录。
done-title-unlock = 账户已解锁
done-hint-unlock = 现在您可以使用您的密码登录。
pending-title = 即将完成
pending-hint = 您的身份已确认。我们正在将更改提交到您的目录服务。
pending-retry = 重试
locked-title = 尝试次数过多
locked-hint = 为了您的安全，此账户在 { $until } 之前无法重置密码。
approval-title = 在手机上批准
approval-hint = 在手机上打开批准页面，然后点按此处显示的数字。
approval-number-label = 要点按的数字：
approval-waiting = 正在等待您的手机…

## 连接问题（服务器无响应）
client-network = 无法连接到服务器。请检查您的网络连接，然后重试。
client-unreadable = 服务器返回了无法识别的响应。请重试。

## 错误（服务器可能返回的每个代码各一条）
error-bad_request = 请求中有内容不正确。请刷新页面后重试。
error-unsupported_media_type = 请求中有内容不正确。请刷新页面后重试。
error-payload_too_large = 您输入的内容过长。
error-not_found = 此页面已过期。请刷新后重试。
error-method_not_allowed = 此页面已过期。请刷新后重试。
error-origin_not_allowed = 此网站不提供密码重置功能。请联系技术支持。
error-invalid_username = 请输入不含特殊字符的用户名或电子邮件地址。
error-flow_expired = 本次重置已过期。请重新开始。
error-wrong_step = 此步骤已完成。请重新开始。
error-method_not_offered = 此方式不适用于本次重置。请选择其他方式。
error-answers_wrong = 部分答案不正确。请回答新的问题。
error-approval_failed = 您手机上的请求已被拒绝、选择了错误的数字，或已超时。
error-invalid_code_format = 请只输入数字形式的验证码。
error-code_mismatch = { $tries ->
    [0] 验证码不正确。
   *[other] 验证码不正确。还剩 { $tries } 次机会。
}
error-code_expired = 此验证码已过期。请重新开始以获取新的验证码。
error-code_used = 此验证码已被使用。请重新开始以获取新的验证码。
error-code_attempts_exhausted = 输入错误验证码的次数过多。请重新开始以获取新的验证码。
error-locked = 尝试次数过多。请在 { $until } 之后重试。
error-resend_too_soon = 验证码刚刚已发送。您可以在 { $until } 之后再次获取。
error-send_limit = 发送的验证码过多。您可以在 { $until } 之后再次获取。
error-password_too_short = 请至少使用 { $min } 个字符。
error-password_too_long = 最多只能使用 { $max } 个字符。
error-password_composition = 请至少使用以下 3 种：大写字母、小写字母、数字、符号。
error-password_personal_info = 密码中请勿包含您的姓名、用户名或电子邮件地址。
error-password_common = 此密码过于常见。请选择一个更难猜到的密码。
error-password_banned = 此密码基于此处不允许使用的词语。请选择其他密码。
error-password_breached = 此密码曾在数据泄露中出现，攻击者会优先尝试。请选择其他密码。
error-breach_check_unavailable = 暂时无法与已泄露的密码进行比对。请一分钟后重试。
error-password_rejected = 您所在组织的目录服务拒绝了此密码：{ $reason }
error-backend_unavailable = 您的目录服务没有响应。未做任何更改。请稍后重试。
error-internal = 我们这边出现了问题。未做任何更改。请重试。
error-invalid_parameter = 请求中有内容不正确。请重新加载页面后重试。
error-unauthenticated = 请重新登录以继续。
error-not_enabled = 您的账户未启用自助密码重置。请联系技术支持。
error-method_not_permitted = 您的组织不允许使用此方式。
error-email_invalid = 请输入电子邮件地址，例如 name@example.com。
error-phone_invalid = 请输入带国家代码的手机号码，例如 +86 138 0013 8000。
error-nothing_pending = 没有等待验证码的方式。请重新添加该方式。
error-not_registered = 此方式尚未注册。
error-questions_invalid = 请检查您的安全问题：每个问题和答案都必须不同，且答案需两次输入一致。
error-registration_incomplete = 请先注册更多方式再确认。
error-nothing_to_postpone = 没有可以推迟的事项。
error-postpone_budget_used = 您不能再推迟了。
error-sign_in_too_old = 请重新登录后再删除方式。
error-invalid_policy = 策略无效。
error-version_conflict = 策略已被他人修改。请重新加载。
error-turnstile_required = 请先完成安全检查。
error-turnstile_failed = 安全检查未通过。请重新进行。
error-turnstile_unavailable = 暂时无法验证安全检查。未开始任何操作。请稍后重试。
error-device_name_invalid = 设备名称必须为 1 到 64 个字符。
error-public_key_invalid = 无法使用此手机的密钥。请重新配对。
error-pairing_invalid = 此配对码已失效。请获取新的二维码。
error-signature_invalid = 无法识别此手机。请重新配对。
error-request_stale = 您手机的时钟不正确。请设置正确的时间后重试。
error-request_replayed = 已收到此请求。
error-no_approval_pending = 没有等待批准的请求。
error-approval_expired = 您手机上的请求已过期。请重试。

## 安全问题（按固定键；用于注册和重置）
question-city_born = 您出生在哪个城市？
question-city_parents_met = 您的父母在哪个城市相识？
question-city_first_job = 您的第一份工作在哪个城市？
question-city_spouse_born = 您的配偶或伴侣出生在哪个城市？
question-childhood_best_friend = 您童年时最好的朋友叫什么名字？
question-childhood_nickname = 您小时候的小名是什么？
question-childhood_street = 您小时候住在哪条街上？
question-childhood_hero = 您童年时的偶像是谁？
question-childhood_phone_last_four = 您小时候家里电话号码的后四位是什么？
question-first_pet_name = 您的第一只宠物叫什么名字？
question-first_car_model = 您的第一辆车是什么品牌和型号？
question-first_concert = 您看的第一场演唱会或音乐会是什么？
question-first_employer = 您第一份工作的单位叫什么名字？
question-first_job_title = 您的第一个职位是什么？
question-first_school_name = 您上的第一所学校叫什么名字？
question-first_teacher_surname = 您的第一位班主任姓什么？
question-first_kiss_city = 您的初吻发生在哪个城市？
question-favourite_food_as_child = 您小时候最喜欢吃什么？
question-favourite_book_as_child = 您小时候最喜欢的书是什么？
question-favourite_film_as_teen = 您少年时代最喜欢的电影是什么？
question-favourite_sports_team_as_child = 您小时候最喜欢的运动队是哪支？
question-favourite_toy_as_child = 您小时候最喜欢的玩具是什么？
question-grandmother_maiden_name = 您祖母的娘家姓是什么？
question-grandfather_occupation = 您祖父的职业是什么？
question-oldest_cousin_first_name = 您年龄最大的堂表兄弟姐妹叫什么名字？
question-oldest_sibling_middle_name = 您最年长的兄弟姐妹名字中间的那个字（或中间名）是什么？
question-youngest_sibling_birthday_month = 您最小的兄弟姐妹的生日在几月？
question-father_middle_name = 您父亲名字中间的那个字（或中间名）是什么？
question-mother_middle_name = 您母亲名字中间的那个字（或中间名）是什么？
question-parents_wedding_city = 您的父母在哪个城市结婚？
question-high_school_mascot = 您高中的吉祥物或校徽是什么？
question-high_school_graduation_year_city = 您在哪个城市读完高中？
question-university_first_roommate = 您上大学时第一位室友叫什么名字？
question-wedding_reception_venue = 您的婚宴在哪里举行？
question-dream_job_as_child = 您小时候梦想从事什么职业？
question-place_of_first_holiday = 您第一次度假去了哪里？

## 使用身份验证器应用或安全问题重置
totp-title = 输入身份验证器应用中的验证码
totp-hint = 打开身份验证器应用，输入它为此帐户显示的 { $length } 位验证码。
answers-title = 回答你的安全问题
answers-hint = 请按设置时的答案回答。大小写和多余的空格不影响结果。
answers-submit = 继续

## 注册：概览和“我的方式”
loading = 正在加载…
failed-title = 无法加载你的验证方式
register-title = 设置重置密码的方式
reconfirm-title = 这些方式仍然属于你吗？
manage-title = 你的密码重置方式
not-enabled-title = 未启用密码重置
register-signed-in = 已以 { $name } 身份登录
register-progress = 已设置 { $held } 个，共需 { $total } 个
register-hint = 如果你忘记密码，将使用这些方式证明你的身份。
reconfirm-hint = 请确认每一种方式你仍然可以使用，然后进行确认。
register-needed = 你需要 { $total } 种方式。
register-held-title = 已设置
register-none-held = 尚未设置任何方式。
register-add-title = 添加方式
method-email_code = 电子邮件 { $destination }
method-sms_code = 手机 { $destination }
method-authenticator = 身份验证器应用
method-app_notification = 手机通知
method-security_questions = 安全问题
add-email_code = 添加电子邮件地址
add-sms_code = 添加手机
add-authenticator = 添加身份验证器应用
add-app_notification = 添加手机通知
add-security_questions = 设置安全问题
remove-method = 移除
held-default = 默认
make-default = 设为默认
held-from-directory = 来自贵组织的目录
confirm-methods = 确认我的方式
postpone = 以后再说
postpone-hint = 你还可以推迟 { $count } 次。
back = 返回

## 注册：添加方式
email-title = 添加电子邮件地址
email-label = 电子邮件地址
email-hint = 我们会向此地址发送验证码以进行验证。
phone-title = 添加手机
phone-label = 手机号码
phone-hint = 请以国家代码开头，例如 +86 131 2345 6789。我们会通过短信发送验证码。
auth-title = 设置身份验证器应用
auth-scan = 使用身份验证器应用（例如 Microsoft Authenticator 或 Google Authenticator）扫描此二维码。
auth-qr = 身份验证器应用的二维码
auth-secret = 或者在应用中输入此密钥：
auth-copy = 复制密钥
auth-copied = 密钥已复制。
auth-link = 在此手机上设置
auth-code-label = 应用中的验证码
auth-new-secret = 获取新的二维码
auth-pending-hint = 输入身份验证器应用显示的验证码，或获取新的二维码。
questions-title = 设置安全问题
questions-hint = 选择 { $count } 个不同的问题，每个答案输入两次。答案长度为 { $min } 到 { $max } 个字符。
questions-question = 问题 { $number }
questions-choose = 选择一个问题
questions-answer = 答案
questions-confirm = 再次输入答案
questions-submit = 保存问题

## 注册：结果
signin-title = 请重新登录
signin-hint = 你的登录已过期。请重新登录以继续；你已设置的内容不会丢失。
reg-done-title = 全部设置完成
reg-done-hint = 如果你忘记密码，现在可以自行重置。
reg-done-manage = 管理我的方式
postponed-title = 我们稍后会再提醒你
postponed-hint = 下次登录时会再次询问你。

## 注册：手机通知（配对用于批准的手机）
app-title = 在手机上接收通知
app-scan = 用手机相机扫描此二维码，打开显示的页面，然后点按“配对此手机”。
app-qr = 在手机上打开配对页面的二维码
app-link = 或在此设备上打开配对页面
app-expires = 此配对码在 { $time } 之前有效。
app-waiting = 正在等待你的手机…
app-expired = 此配对码已过期。
app-new-code = 显示新的配对码
held-app_notification = “{ $name }”上的通知

## 手机上的批准页面
approver-title-pair = 配对此手机
approver-pair-hint = 您的账户请求将密码重置的批准请求发送到此手机。配对后，每次重置您账户的密码或解锁您的账户时，此页面都会请您批准。
approver-name-label = 此手机的名称
approver-name-hint = 会与您的验证方式一起显示，便于您识别是哪部手机。
approver-name-default = 我的手机
approver-pair = 配对此手机
approver-paired = 此手机已配对。当您重置密码或解锁账户时，请打开此页面进行批准。
approver-title-waiting = 没有等待处理的请求
approver-waiting-hint = 请保持此页面打开，或将其添加到主屏幕。页面打开期间，每隔几秒就会检查一次是否有请求。
approver-devices = 已与此手机配对
approver-device = “{ $name }”，配对于 { $date }
approver-check-now = 立即检查
approver-title-request = 是您本人吗？
approver-request-reset = 有人正在重置您的密码（请求时间：{ $time }）。
approver-request-unlock = 有人正在解锁您的账户（请求时间：{ $time }）。
approver-request-hint = 如果是您本人，请点按重置屏幕上显示的数字。
approver-number = 数字 { $number }
approver-deny = 不是我
approver-title-approved = 已批准
approver-approved = 重置将在另一个屏幕上继续。
approver-title-denied = 请求已拒绝
approver-denied = 任何人都无法继续此次重置。如果不是您发起的，可能有人知道您的用户名：请告知技术支持。
approver-title-wrong = 未批准
approver-wrong = 这不是重置屏幕上显示的数字，因此请求已被拒绝。重置时必须重新选择验证方式。
approver-title-expired = 请求已过期
approver-expired = 该请求等待已超过两分钟。请在重置屏幕上重新开始。
approver-title-gone = 没有需要批准的请求
approver-gone = 该请求已得到答复，或已被更新的请求取代。
approver-back = 确定
approver-title-unpaired = 此手机尚未配对
approver-unpaired-hint = 要在此手机上批准密码重置，请打开您的注册页面，选择“添加手机通知”，然后用此手机的相机扫描二维码。
approver-removed = 此手机已从您的账户中移除。
approver-title-unsupported = 此浏览器无法批准请求
approver-unsupported = 它无法在此处安全地保存签名密钥（缺少 IndexedDB 或 WebCrypto，或页面未通过 HTTPS 提供）。请在手机上常用的浏览器中打开此页面。
approver-keystore-failed = 此浏览器无法使用此手机的密钥。请刷新页面后重试。
approver-push-hint = 即使此页面已关闭，也能在此手机上收到每个请求的通知。
approver-push-enable = 开启通知
approver-push-on = 此手机会收到每个请求的通知。
approver-push-disable = 关闭通知
approver-push-turned-on = 通知已开启。点按通知即可打开此页面进行答复。
approver-push-turned-off = 通知已关闭。请保持此页面打开以查看请求。
approver-push-denied = 此页面的通知已被阻止。请在浏览器设置中允许通知，或保持此页面打开。
approver-push-failed = 无法在此浏览器中开启通知。请保持此页面打开以查看请求。
# 手机收到请求时显示的通知（其文字会传给 Service Worker）。
approver-push-title = 密码重置请求
approver-push-body = 点按即可批准或拒绝。
## “不是我本人”：因报告而暂停的重置，以及报告页面
## （<sspr-reset flow="report">，从通知邮件中的链接打开）
reported-title = 你的账户已暂停密码重置
reported-hint = 有人报告你账户的一项更改并非你本人所做，因此自助密码重置已暂停至 { $until }。请联系技术支持以恢复对账户的访问。
helpdesk-link = 联系技术支持
report-title = 这项更改不是你做的吗？
report-change-password_changed = 你的密码已更改。
report-change-account_unlocked = 你的账户已解锁。
report-change-method_added = 已添加一种重置密码的方式：{ $method }。
report-change-method_removed = 已删除一种重置密码的方式：{ $method }。
report-method-email_code = 电子邮件地址
report-method-sms_code = 手机
report-method-authenticator = 身份验证器应用
report-method-app_notification = 手机通知
report-method-security_questions = 安全问题
report-when = 时间：{ $when }
report-explain = 如果不是你本人所做，可能有其他人能够访问你的账户。请报告：我们将暂停你账户的自助密码重置，停止正在进行的重置，并通知你的管理员。
report-explain-remove = 新添加的重置方式将被删除。
report-confirm = 不是我本人，立即报告
report-it-was-me = 如果这项更改是你本人所做，则无需任何操作，可以关闭此页面。
report-done-title = 谢谢，你的账户已受到保护
report-done-hint = 你账户的自助密码重置已暂停至 { $until }，并已通知你的管理员。请联系技术支持以保护你的账户。
report-done-removed = 新添加的重置方式已被删除。
report-already-title = 你已报告过这项更改
report-already-hint = 你已于 { $when } 报告。如果你的账户仍需保护，请联系技术支持。
report-invalid-title = 无法使用此链接
report-missing = 请通过我们发给你的账户相关邮件中的链接打开此页面。
error-reported_compromise = 有人报告你账户的一项更改并非你本人所做，因此自助密码重置和你的方式更改已暂停至 { $until }。请联系技术支持。
error-report_invalid = 此链接无效或已过期（链接有效期为 7 天）。如果你的账户更改看起来不对，请联系技术支持。
