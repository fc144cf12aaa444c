# sspr ウィジェット — 日本語 (Japanese)。
# 構文: Project Fluent (https://projectfluent.org)。変数は { $name } と書きます。
# 複数形には言語の CLDR カテゴリーを使います (日本語は other のみ)。

## 本人確認
identify-title-reset = パスワードのリセット
identify-title-unlock = アカウントのロック解除
identify-hint = ユーザー名またはメールアドレスを入力してください。コードをお送りします。
identify-username = ユーザー名またはメールアドレス
identify-submit = コードを送信
turnstile-waiting = 続行するにはセキュリティチェックを完了してください。
turnstile-expired = セキュリティチェックの有効期限が切れました。続行するにはもう一度行ってください。
turnstile-error = セキュリティチェックを実行できませんでした。もう一度お試しください。
turnstile-retry = もう一度チェックする

## コード
code-title-email = メールを確認してください
code-title-sms = 携帯電話を確認してください
code-hint = { $length } 桁のコードを { $destination } に送信しました。
code-label = コード
code-submit = 確認
code-resend = 新しいコードを送信
code-resend-wait = { $seconds } 秒後に新しいコードを送信できます
restart = 最初からやり直す
switch-method = 別の方法を使う

## 方法の選択
choose-title = 本人確認の方法を選んでください
choose-progress = ステップ { $step } / { $total }
choose-email_code = { $destination } にメールでコードを送信
choose-sms_code = { $destination } にSMSでコードを送信
choose-authenticator = 認証アプリを使用
choose-app_notification = スマートフォンの通知を承認
choose-security_questions = 秘密の質問に回答

## 新しいパスワード
password-title = 新しいパスワードを決めてください
password-label = 新しいパスワード
password-show = 表示
password-hide = 非表示
password-rule-min = { $count } 文字以上
password-rule-max = { $count } 文字以下
password-rule-classes = 英大文字、英小文字、数字、記号のうち { $count } 種類以上
rule-met = （満たしています）
rule-not-met = （満たしていません）
password-not-ready = 新しいパスワードは、まだ下記のルールを満たしていません。
password-submit = パスワードを変更
strength-label = パスワードの強度
strength-score-0 = 非常に弱い
strength-score-1 = 弱い
strength-score-2 = 普通
strength-score-3 = 強い
strength-score-4 = 非常に強い
strength-warning-keyboard = キーの並びやパターンは推測されやすいです。
strength-warning-repeats = 同じ文字の繰り返しは推測されやすいです。
strength-warning-common = これは非常によく使われるパスワードです。
strength-warning-similar = よく使われるパスワードに似ています。
strength-warning-sequence = abc や 6543 のような連続は推測されやすいです。
strength-warning-years = 最近の年は推測されやすいです。
strength-warning-word = 単語ひとつだけでは推測されやすいです。
strength-warning-dates = 日付は推測されやすいです。
strength-warning-names = 名前だけでは推測されやすいです。
strength-suggestion-more_words = 単語をもう 1、2 語加えてください。珍しい単語ほど効果的です。
strength-suggestion-no_symbols_needed = 記号・数字・大文字は必須ではありません。長さのほうが重要です。
strength-suggestion-capitals = 大文字はあまり効果がありません。
strength-suggestion-reversed = 逆さにした単語もあまり推測しにくくなりません。
strength-suggestion-substitutions = a を @ にするような置き換えはあまり効果がありません。
strength-suggestion-keyboard = より長く、曲がり角の多いキーパターンを使ってください。
strength-suggestion-repeats = 単語や文字の繰り返しは避けてください。
strength-suggestion-sequences = 連続した文字や数字は避けてください。
strength-suggestion-dates = ご自身に関係する日付や年は避けてください。

## 結果
done-title-reset = パスワードを変更しました
done-hint-reset = 新しいパスワードでサインインできるようになりました。
done-title-unlock = アカウントのロックを解除しました
done-hint-unlock = パスワードでサインインできるようになりました。
pending-title = あと少しです
pending-hint = 本人確認が完了しました。変更をディレクトリに反映しています。
pending-retry = 再試行
locked-title = 試行回数が多すぎます
locked-hint = セキュリティ保護のため、このアカウントのパスワード リセットは { $until } までブロックされています。
approval-title = スマートフォンで承認
approval-hint = スマートフォンで承認ページを開き、ここに表示されている番号をタップしてください。
approval-number-label = タップする番号:
approval-waiting = スマートフォンの応答を待っています…

## 接続の問題（サーバーからの応答なし）
client-network = サーバーに接続できませんでした。接続を確認して、もう一度お試しください。
client-unreadable = サーバーから解釈できない応答が返されました。もう一度お試しください。

## エラー（サーバーが返すコードごとに 1 つ）
error-bad_request = リクエストに問題がありました。ページを再読み込みして、もう一度お試しください。
error-unsupported_media_type = リクエストに問題がありました。ページを再読み込みして、もう一度お試しください。
error-payload_too_large = 入力内容が長すぎます。
error-not_found = このページは古くなっています。再読み込みして、もう一度お試しください。
error-method_not_allowed = このページは古くなっています。再読み込みして、もう一度お試しください。
error-origin_not_allowed = このサイトではパスワードのリセットを利用できません。ヘルプデスクにお問い合わせください。
error-invalid_username = 特殊文字を含まないユーザー名またはメールアドレスを入力してください。
error-flow_expired = このリセットの有効期限が切れました。最初からやり直してください。
error-wrong_step = この手順はすでに完了しています。最初からやり直してください。
error-method_not_offered = この方法は今回のリセットでは利用できません。別の方法を選んでください。
error-answers_wrong = 一部の回答が正しくありません。新しい質問に答えてください。
error-approval_failed = 携帯電話でのリクエストが拒否されたか、誤った番号で応答されたか、タイムアウトしました。
error-invalid_code_format = コードは数字のみで入力してください。
error-code_mismatch = { $tries ->
    [0] コードが一致しません。
   *[other] コードが一致しません。あと { $tries } 回入力できます。
}
error-code_expired = このコードは有効期限が切れています。最初からやり直して、新しいコードを受け取ってください。
error-code_used = このコードはすでに使用されています。最初からやり直して、新しいコードを受け取ってください。
error-code_attempts_exhausted = 誤ったコードの入力が多すぎます。最初からやり直して、新しいコードを受け取ってください。
error-locked = 試行回数が多すぎます。{ $until } 以降にもう一度お試しください。
error-resend_too_soon = 先ほどコードを送信しました。次のコードは { $until } 以降にリクエストできます。
error-send_limit = コードの送信回数が多すぎます。次のコードは { $until } 以降にリクエストできます。
error-password_too_short = { $min } 文字以上にしてください。
error-password_too_long = { $max } 文字以下にしてください。
error-password_composition = 英大文字、英小文字、数字、記号のうち 3 種類以上を使ってください。
error-password_personal_info = パスワードに名前、ユーザー名、メールアドレスを使わないでください。
error-password_common = このパスワードはよく使われています。推測されにくいパスワードを選んでください。
error-password_banned = このパスワードは、ここでは使用できない単語に基づいています。別のパスワードを選んでください。
error-password_breached = このパスワードは過去のデータ漏えいで流出しているため、攻撃者に早い段階で試されます。別のパスワードを選んでください。
error-breach_check_unavailable = 現在、漏えいしたパスワードとの照合を行えません。1 分後にもう一度お試しください。
error-password_rejected = 組織のディレクトリがこのパスワードを拒否しました：{ $reason }
error-backend_unavailable = ディレクトリから応答がありませんでした。変更は行われていません。しばらくしてからもう一度お試しください。
error-internal = こちら側で問題が発生しました。変更は行われていません。もう一度お試しください。
error-invalid_parameter = リクエストの内容に問題がありました。ページを再読み込みして、もう一度お試しください。
error-unauthenticated = 続行するには、もう一度サインインしてください。
error-not_enabled = お使いのアカウントではセルフサービスのパスワードリセットが有効になっていません。ヘルプデスクにお問い合わせください。
error-method_not_permitted = 組織はこの方法を許可していません。
error-email_invalid = name@example.com のようなメールアドレスを入力してください。
error-phone_invalid = 国番号付きの携帯電話番号を入力してください（例: +81 90 1234 5678）。
error-nothing_pending = コードを待っている方法はありません。もう一度方法を追加してください。
error-not_registered = この方法は登録されていません。
error-questions_invalid = 秘密の質問を確認してください。質問と答えはそれぞれ異なり、答えは同じものを2回入力する必要があります。
error-registration_incomplete = 確認する前に、さらに方法を登録してください。
error-nothing_to_postpone = 延期するものはありません。
error-postpone_budget_used = これ以上延期できません。
error-sign_in_too_old = 方法を削除するには、もう一度サインインしてください。
error-invalid_policy = ポリシーが無効です。
error-version_conflict = ポリシーはその間に変更されました。もう一度読み込んでください。
error-turnstile_required = 先にセキュリティチェックを完了してください。
error-turnstile_failed = セキュリティチェックが受け付けられませんでした。もう一度行ってください。
error-turnstile_unavailable = 現在セキュリティチェックを確認できません。何も開始されていません。しばらくしてからもう一度お試しください。
error-device_name_invalid = デバイス名は 1～64 文字で入力してください。
error-public_key_invalid = この携帯電話のキーは使用できません。もう一度ペアリングしてください。
error-pairing_invalid = このペアリング コードは無効になりました。新しい QR コードを表示してください。
error-signature_invalid = この携帯電話は認識されません。もう一度ペアリングしてください。
error-request_stale = 携帯電話の時計が正しくありません。正しい時刻に設定してから、もう一度お試しください。
error-request_replayed = このリクエストは既に受信済みです。
error-no_approval_pending = 承認待ちのリクエストはありません。
error-approval_expired = 携帯電話でのリクエストの有効期限が切れました。もう一度お試しください。

## 秘密の質問（固定キーごと。登録とリセットで使用）
question-city_born = 生まれた町はどこですか？
question-city_parents_met = ご両親が出会った町はどこですか？
question-city_first_job = 初めて働いた町はどこですか？
question-city_spouse_born = 配偶者またはパートナーが生まれた町はどこですか？
question-childhood_best_friend = 子どもの頃の親友の下の名前は何ですか？
question-childhood_nickname = 子どもの頃のあだ名は何ですか？
question-childhood_street = 子どもの頃に住んでいた町名（通りの名前）は何ですか？
question-childhood_hero = 子どもの頃のヒーロー（憧れの人）は誰ですか？
question-childhood_phone_last_four = 子どもの頃の自宅の電話番号の下 4 桁は何ですか？
question-first_pet_name = 初めて飼ったペットの名前は何ですか？
question-first_car_model = 初めて持った車のメーカーと車種は何ですか？
question-first_concert = 初めて行ったコンサートやライブは何ですか？
question-first_employer = 最初の勤務先の名前は何ですか？
question-first_job_title = 最初の仕事の職種は何ですか？
question-first_school_name = 最初に通った学校の名前は何ですか？
question-first_teacher_surname = 最初の担任の先生の名字は何ですか？
question-first_kiss_city = ファーストキスをした町はどこですか？
question-favourite_food_as_child = 子どもの頃に好きだった食べ物は何ですか？
question-favourite_book_as_child = 子どもの頃に好きだった本は何ですか？
question-favourite_film_as_teen = 10 代の頃に好きだった映画は何ですか？
question-favourite_sports_team_as_child = 子どもの頃に好きだったスポーツ チームは何ですか？
question-favourite_toy_as_child = 子どもの頃に好きだったおもちゃは何ですか？
question-grandmother_maiden_name = 祖母の旧姓は何ですか？
question-grandfather_occupation = 祖父の職業は何でしたか？
question-oldest_cousin_first_name = 一番年上のいとこの下の名前は何ですか？
question-oldest_sibling_middle_name = 一番上のきょうだいのミドルネームは何ですか？
question-youngest_sibling_birthday_month = 一番下のきょうだいの誕生月は何月ですか？
question-father_middle_name = 父親のミドルネームは何ですか？
question-mother_middle_name = 母親のミドルネームは何ですか？
question-parents_wedding_city = ご両親が結婚した町はどこですか？
question-high_school_mascot = 出身高校のマスコットまたは校章は何ですか？
question-high_school_graduation_year_city = 高校を卒業した町はどこですか？
question-university_first_roommate = 大学時代の最初のルームメイトの下の名前は何ですか？
question-wedding_reception_venue = 結婚披露宴の会場はどこでしたか？
question-dream_job_as_child = 子どもの頃になりたかった職業は何ですか？
question-place_of_first_holiday = 初めての旅行で行った場所はどこですか？

## 認証アプリまたは秘密の質問によるリセット
totp-title = 認証アプリのコードを入力してください
totp-hint = 認証アプリを開き、このアカウントに表示される { $length } 桁のコードを入力してください。
answers-title = 秘密の質問に答えてください
answers-hint = 設定したときと同じように答えてください。大文字・小文字や余分な空白は区別しません。
answers-submit = 続行

## 登録: 概要と「自分の方法」
loading = 読み込み中…
failed-title = 登録済みの方法を読み込めませんでした
register-title = パスワードをリセットする方法を設定してください
reconfirm-title = これらの方法は今も使えますか？
manage-title = パスワードをリセットする方法
not-enabled-title = パスワードのリセットが有効になっていません
register-signed-in = { $name } としてサインイン中
register-progress = { $total } 件中 { $held } 件を設定済み
register-hint = パスワードを忘れたときは、これらを使って本人であることを証明します。
reconfirm-hint = それぞれが今も使えることを確認してから、確定してください。
register-needed = 必要な方法は { $total } 件です。
register-held-title = 設定済み
register-none-held = まだ何も設定されていません。
register-add-title = 方法を追加
method-email_code = メール { $destination }
method-sms_code = 携帯電話 { $destination }
method-authenticator = 認証アプリ
method-app_notification = スマートフォンへの通知
method-security_questions = 秘密の質問
add-email_code = メールアドレスを追加
add-sms_code = 携帯電話を追加
add-authenticator = 認証アプリを追加
add-app_notification = スマートフォンへの通知を追加
add-security_questions = 秘密の質問を設定
remove-method = 削除
held-default = 既定
make-default = 既定にする
held-from-directory = 組織のディレクトリに登録済み
confirm-methods = この方法で確定
postpone = 後で
postpone-hint = あと { $count } 回まで後回しにできます。
back = 戻る

## 登録: 方法の追加
email-title = メールアドレスを追加
email-label = メールアドレス
email-hint = 確認のため、このアドレスにコードを送信します。
phone-title = 携帯電話を追加
phone-label = 携帯電話番号
phone-hint = +81 90 1234 5678 のように国番号から入力してください。SMS でコードを送信します。
auth-title = 認証アプリを設定
auth-scan = Microsoft Authenticator や Google Authenticator などの認証アプリでこの QR コードを読み取ってください。
auth-qr = 認証アプリ用の QR コード
auth-secret = または、このキーをアプリに入力してください:
auth-copy = キーをコピー
auth-copied = キーをコピーしました。
auth-link = このスマートフォンで設定
auth-code-label = アプリのコード
auth-new-secret = 新しい QR コードを取得
auth-pending-hint = 認証アプリに表示されたコードを入力するか、新しい QR コードを取得してください。
questions-title = 秘密の質問を設定
questions-hint = 異なる質問を { $count } 件選び、それぞれの答えを 2 回入力してください。答えは { $min }～{ $max } 文字です。
questions-question = 質問 { $number }
questions-choose = 質問を選択
questions-answer = 答え
questions-confirm = 答え（確認）
questions-submit = 質問を保存

## 登録: 結果
signin-title = もう一度サインインしてください
signin-hint = サインインの有効期限が切れました。続けるにはもう一度サインインしてください。設定した内容は失われません。
reg-done-title = 設定が完了しました
reg-done-hint = パスワードを忘れても、自分でリセットできるようになりました。
reg-done-manage = 自分の方法を管理
postponed-title = 後でもう一度お知らせします
postponed-hint = 次回のサインイン時に改めて確認します。

## 登録: スマートフォンへの通知（承認用スマートフォンのペアリング）
app-title = スマートフォンで通知を受け取る
app-scan = スマートフォンのカメラでこの QR コードを読み取り、表示されたページを開いて「このスマートフォンをペアリング」をタップしてください。
app-qr = スマートフォンでペアリング ページを開く QR コード
app-link = または、このデバイスでペアリング ページを開く
app-expires = このコードは { $time } まで有効です。
app-waiting = スマートフォンの応答を待っています…
app-expired = このコードの有効期限が切れました。
app-new-code = 新しいコードを表示
held-app_notification = 「{ $name }」への通知

## スマートフォンの承認ページ
approver-title-pair = このスマートフォンをペアリング
approver-pair-hint = お使いのアカウントから、パスワード リセットの承認依頼をこのスマートフォンに送るよう求められました。ペアリングすると、アカウントのパスワード リセットやロック解除のたびに、このページで承認を求められます。
approver-name-label = このスマートフォンの名前
approver-name-hint = 登録済みの方法と一緒に表示され、どのスマートフォンかを見分けられます。
approver-name-default = 自分のスマートフォン
approver-pair = このスマートフォンをペアリング
approver-paired = このスマートフォンをペアリングしました。パスワードのリセットやアカウントのロック解除を行うときは、このページを開いて承認してください。
approver-title-waiting = 待機中のリクエストはありません
approver-waiting-hint = このページを開いたままにするか、ホーム画面に追加してください。開いている間は、数秒ごとにリクエストを確認します。
approver-devices = このスマートフォンとのペアリング
approver-device = 「{ $name }」、{ $date } にペアリング
approver-check-now = 今すぐ確認
approver-title-request = ご本人ですか？
approver-request-reset = 誰かがパスワードをリセットしようとしています（{ $time } にリクエスト）。
approver-request-unlock = 誰かがアカウントのロックを解除しようとしています（{ $time } にリクエスト）。
approver-request-hint = ご本人の場合は、リセット画面に表示されている番号をタップしてください。
approver-number = 番号 { $number }
approver-deny = 自分ではありません
approver-title-approved = 承認しました
approver-approved = もう一方の画面でリセットが続行されます。
approver-title-denied = リクエストを拒否しました
approver-denied = このリセットは誰も続行できません。ご自身で開始したものでない場合は、誰かがあなたのユーザー名を知っている可能性があります。ヘルプデスクに連絡してください。
approver-title-wrong = 承認されませんでした
approver-wrong = リセット画面に表示された番号ではなかったため、リクエストは拒否されました。リセットでは方法をもう一度選び直す必要があります。
approver-title-expired = リクエストの有効期限切れ
approver-expired = リクエストの待機時間が 2 分を超えました。リセット画面で最初からやり直してください。
approver-title-gone = 承認するリクエストはありません
approver-gone = このリクエストは既に応答済みか、新しいリクエストに置き換えられました。
approver-back = OK
approver-title-unpaired = このスマートフォンはペアリングされていません
approver-unpaired-hint = このスマートフォンでパスワード リセットを承認するには、登録ページを開いて「スマートフォンへの通知を追加」を選び、このスマートフォンのカメラで QR コードを読み取ってください。
approver-removed = このスマートフォンはアカウントから削除されました。
approver-title-unsupported = このブラウザーではリクエストを承認できません
approver-unsupported = このブラウザーでは署名キーを安全に保管できません（IndexedDB または WebCrypto がないか、ページが HTTPS で提供されていません）。スマートフォンで普段お使いのブラウザーでこのページを開いてください。
approver-keystore-failed = このブラウザーでこのスマートフォンのキーを使用できませんでした。ページを再読み込みして、もう一度お試しください。
approver-push-hint = このページを閉じていても、リクエストのたびにこのスマートフォンで通知を受け取れます。
approver-push-enable = 通知をオンにする
approver-push-on = このスマートフォンは、リクエストのたびに通知を受け取ります。
approver-push-disable = 通知をオフにする
approver-push-turned-on = 通知をオンにしました。通知をタップするとこのページが開き、応答できます。
approver-push-turned-off = 通知をオフにしました。リクエストを確認するには、このページを開いたままにしてください。
approver-push-denied = このページの通知はブロックされています。ブラウザーの設定で許可するか、このページを開いたままにしてください。
approver-push-failed = このブラウザーでは通知をオンにできませんでした。リクエストを確認するには、このページを開いたままにしてください。
# リクエストがあったときにスマートフォンに表示される通知（文言は Service Worker に渡されます）。
approver-push-title = パスワード リセットのリクエスト
approver-push-body = タップして承認または拒否してください。
## 「身に覚えがない」: 報告により一時停止されたリセットと、報告ページ
## (<sspr-reset flow="report">、通知メールのリンクから開く)
reported-title = このアカウントのパスワード リセットは一時停止されています
reported-hint = アカウントへの変更が本人によるものではないと報告されたため、セルフサービス パスワード リセットは { $until } まで一時停止されています。アカウントを利用できるようにするには、ヘルプデスクに連絡してください。
helpdesk-link = ヘルプデスクに連絡する
report-title = この変更に心当たりはありませんか?
report-change-password_changed = パスワードが変更されました。
report-change-account_unlocked = アカウントのロックが解除されました。
report-change-method_added = パスワードをリセットする方法が追加されました: { $method }。
report-change-method_removed = パスワードをリセットする方法が削除されました: { $method }。
report-method-email_code = メールアドレス
report-method-sms_code = 携帯電話
report-method-authenticator = 認証アプリ
report-method-app_notification = スマートフォンへの通知
report-method-security_questions = セキュリティの質問
report-when = 日時: { $when }
report-explain = 心当たりがない場合、他の人があなたのアカウントにアクセスできる可能性があります。報告すると、このアカウントのセルフサービス パスワード リセットを一時停止し、進行中のリセットを中止して、管理者に通知します。
report-explain-remove = 追加されたリセット方法は削除されます。
report-confirm = 身に覚えがないので報告する
report-it-was-me = ご自身で変更した場合は、何もする必要はありません。このページを閉じてください。
report-done-title = ありがとうございます。アカウントは保護されています
report-done-hint = このアカウントのセルフサービス パスワード リセットは { $until } まで一時停止され、管理者に通知されました。アカウントを保護するため、ヘルプデスクに連絡してください。
report-done-removed = 追加されたリセット方法は削除されました。
report-already-title = この変更はすでに報告されています
report-already-hint = { $when } に報告済みです。アカウントの保護がまだ必要な場合は、ヘルプデスクに連絡してください。
report-invalid-title = このリンクは使用できません
report-missing = アカウントについてお送りしたメールのリンクから、このページを開いてください。
error-reported_compromise = アカウントへの変更が本人によるものではないと報告されたため、セルフサービス パスワード リセットと方法の変更は { $until } まで一時停止されています。ヘルプデスクに連絡してください。
error-report_invalid = このリンクは無効か、有効期限が切れています (リンクの有効期間は 7 日間です)。アカウントの変更に不審な点がある場合は、ヘルプデスクに連絡してください。
