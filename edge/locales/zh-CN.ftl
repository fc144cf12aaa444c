# sspr 边缘消息 — 简体中文。ID 和变量与 en.ftl 相同。

## 密码重置验证码邮件
code-email-subject = { $org } 密码重置验证码：{ $code }
code-email-lead = 你的 { $org } 密码重置验证码是 { $code }。
code-email-expiry = 验证码将在 { $minutes } 分钟后失效。如果你没有申请重置密码，请忽略此邮件：你的密码不会改变。

## 注册：验证电子邮件地址
enrolment-email-subject = 验证你在 { $org } 的电子邮件地址：{ $code }
enrolment-email-lead = 你的 { $org } 验证码是 { $code }。
enrolment-email-expiry = 请在添加此地址用于密码重置的页面输入它。验证码将在 { $minutes } 分钟后失效。如果你没有添加此地址，请忽略此邮件：该地址不会被使用。

## 短信
code-sms = { $code } 是你的 { $org } 验证码，{ $minutes } 分钟内有效。

## 给用户的通知
password-changed-subject = 你的 { $org } 密码已更改
password-changed-body = 你的密码刚刚通过自助密码重置进行了更改。
account-unlocked-subject = 你的 { $org } 帐户已解锁
account-unlocked-body = 你的帐户刚刚通过自助密码重置解锁。
method-added-subject = 你的 { $org } 帐户添加了一种密码重置方式
method-added-body = 以下方式刚刚被添加为你重置密码的方式：{ $method }。
method-removed-subject = 你的 { $org } 帐户移除了一种密码重置方式
method-removed-body = 以下方式刚刚从你重置密码的方式中移除：{ $method }。
help-url = 如果这不是你本人操作，请立即联系技术支持：{ $helpdesk }
help-none = 如果这不是你本人操作，请立即联系 IT 技术支持。
report-link = 如果这不是你本人操作，请在此报告：我们将暂停你帐户的自助密码重置，并通知你的管理员。此链接 { $days } 天内有效：{ $link }

## 方式名称
method-email = 电子邮件验证码
method-sms = 短信验证码
method-authenticator = 身份验证器应用
method-app-notification = 应用通知
method-security-questions = 安全问题

## 给管理员的通知
admin-reset-subject = 一位管理员重置了其 { $org } 密码
admin-reset-body = { $admin } 于 { $when } 通过自助密码重置重置了自己的密码。
admin-reset-why = 你收到此消息是因为你是 { $org } 的管理员：根据策略，管理员重置密码时会通知所有管理员。如果此次重置出乎意料，请检查该帐户。

## “不是我本人”：通知管理员
report-admin-subject = { $user } 报告其 { $org } 帐户有一项非本人所做的更改
report-admin-body = { $user }（目录 ID { $userid }）报告其帐户的以下更改并非本人所做：{ $change }，时间为 { $when }。
report-admin-removed = 被报告的方式（{ $method }）已从其帐户中删除。
report-admin-hold = 在 { $until } 之前，该用户的自助密码重置及其重置方式的更改已暂停。请立即检查该帐户：如有需要，请亲自重置密码，并检查其登录记录和重置方式。你可以通过管理 API（POST /v1/admin/holds/clear）提前解除暂停。
change-password-changed = 密码已更改
change-account-unlocked = 帐户已解锁
change-method-added = 已添加重置方式（{ $method }）
change-method-removed = 已删除重置方式（{ $method }）
