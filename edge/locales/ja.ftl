# sspr エッジのメッセージ — 日本語。ID と変数は en.ftl と同じです。

## パスワードリセットコードのメール
code-email-subject = { $org } のパスワードリセットコード: { $code }
code-email-lead = { $org } のパスワードリセットコードは { $code } です。
code-email-expiry = このコードの有効期限は { $minutes } 分です。パスワードのリセットを依頼していない場合は、このメールを無視してください。パスワードは変更されません。

## 登録: メールアドレスの確認
enrolment-email-subject = { $org } のメールアドレスを確認してください: { $code }
enrolment-email-lead = { $org } の確認コードは { $code } です。
enrolment-email-expiry = パスワードリセット用にこのアドレスを追加している画面で入力してください。有効期限は { $minutes } 分です。このアドレスを追加していない場合は、このメールを無視してください。このアドレスは使用されません。

## SMS
code-sms = { $code } は { $org } の確認コードです。有効期限は { $minutes } 分です。

## ユーザーへの通知
password-changed-subject = { $org } のパスワードが変更されました
password-changed-body = セルフサービス パスワード リセットで、あなたのパスワードが変更されました。
account-unlocked-subject = { $org } のアカウントのロックが解除されました
account-unlocked-body = セルフサービス パスワード リセットで、あなたのアカウントのロックが解除されました。
method-added-subject = { $org } のアカウントにパスワードリセット方法が追加されました
method-added-body = パスワードをリセットする方法に、次の方法が追加されました: { $method }。
method-removed-subject = { $org } のアカウントからパスワードリセット方法が削除されました
method-removed-body = パスワードをリセットする方法から、次の方法が削除されました: { $method }。
help-url = お心当たりがない場合は、すぐにヘルプデスクに連絡してください: { $helpdesk }
help-none = お心当たりがない場合は、すぐに IT ヘルプデスクに連絡してください。
report-link = お心当たりがない場合は、こちらから報告してください。アカウントのセルフサービス パスワード リセットを一時停止し、管理者に通知します。このリンクの有効期間は { $days } 日です: { $link }

## 方法の名前
method-email = メールで届くコード
method-sms = SMS で届くコード
method-authenticator = 認証アプリ
method-app-notification = アプリ通知
method-security-questions = セキュリティの質問

## 管理者への通知
admin-reset-subject = 管理者が { $org } のパスワードをリセットしました
admin-reset-body = { $admin } が { $when } にセルフサービス パスワード リセットで自分のパスワードをリセットしました。
admin-reset-why = あなたは { $org } の管理者であるため、このメッセージを受け取っています。ポリシーにより、管理者がパスワードをリセットするとすべての管理者に通知されます。予期しないリセットの場合は、アカウントを確認してください。

## 「身に覚えがない」: 管理者への通知
report-admin-subject = { $user } さんが { $org } アカウントへの身に覚えのない変更を報告しました
report-admin-body = { $user } さん (ディレクトリ ID { $userid }) が、アカウントに対する次の変更は本人によるものではないと報告しました: { $change } ({ $when })。
report-admin-removed = 報告された方法 ({ $method }) はアカウントから削除されました。
report-admin-hold = このユーザーのセルフサービス パスワード リセットとリセット方法の変更は { $until } まで一時停止されています。今すぐアカウントを確認してください。必要に応じてパスワードをリセットし、サインインとリセット方法を確認してください。管理 API (POST /v1/admin/holds/clear) で一時停止を早めに解除できます。
change-password-changed = パスワードの変更
change-account-unlocked = アカウントのロック解除
change-method-added = リセット方法の追加 ({ $method })
change-method-removed = リセット方法の削除 ({ $method })
