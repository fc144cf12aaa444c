# أداة sspr — العربية الفصحى (Arabic).
# الصياغة: Project Fluent (https://projectfluent.org). تُكتب المتغيرات بالشكل { $name }.
# تستخدم صيغ الجمع فئات CLDR الخاصة باللغة (العربية: zero وone وtwo وfew وmany وother).

## التعرّف على الحساب
identify-title-reset = إعادة تعيين كلمة المرور
identify-title-unlock = إلغاء قفل الحساب
identify-hint = أدخل اسم المستخدم أو البريد الإلكتروني. سنرسل إليك رمزًا.
identify-username = اسم المستخدم أو البريد الإلكتروني
identify-submit = إرسال الرمز
turnstile-waiting = أكمل التحقق الأمني للمتابعة.
turnstile-expired = انتهت صلاحية التحقق الأمني. أعده للمتابعة.
turnstile-error = تعذّر تشغيل التحقق الأمني. حاول مرة أخرى.
turnstile-retry = إعادة التحقق

## الرمز
code-title-email = تحقّق من بريدك الإلكتروني
code-title-sms = تحقّق من هاتفك
code-hint = أرسلنا رمزًا مكوّنًا من { $length } أرقام إلى { $destination }.
code-label = الرمز
code-submit = تحقّق
code-resend = إرسال رمز جديد
code-resend-wait = إرسال رمز جديد بعد { $seconds } ث
restart = البدء من جديد
switch-method = استخدام طريقة أخرى

## اختيار الطريقة
choose-title = اختر طريقة التحقق من هويتك
choose-progress = الخطوة { $step } من { $total }
choose-email_code = إرسال رمز بالبريد الإلكتروني إلى { $destination }
choose-sms_code = إرسال رمز برسالة نصية إلى { $destination }
choose-authenticator = استخدام تطبيق المصادقة
choose-app_notification = الموافقة على إشعار على هاتفك
choose-security_questions = الإجابة عن أسئلة الأمان

## كلمة مرور جديدة
password-title = اختر كلمة مرور جديدة
password-label = كلمة المرور الجديدة
password-show = إظهار
password-hide = إخفاء
password-rule-min = { $count ->
    [zero] { $count } حرف على الأقل
    [one] { $count } حرف على الأقل
    [two] { $count } حرفان على الأقل
    [few] { $count } أحرف على الأقل
    [many] { $count } حرفًا على الأقل
   *[other] { $count } حرف على الأقل
}
password-rule-max = { $count ->
    [zero] { $count } حرف كحد أقصى
    [one] { $count } حرف كحد أقصى
    [two] { $count } حرفان كحد أقصى
    [few] { $count } أحرف كحد أقصى
    [many] { $count } حرفًا كحد أقصى
   *[other] { $count } حرف كحد أقصى
}
password-rule-classes = { $count } على الأقل مما يلي: أحرف كبيرة، أحرف صغيرة، أرقام، رموز
rule-met = (مستوفًى)
rule-not-met = (غير مستوفًى)
password-not-ready = كلمة المرور الجديدة لا تستوفي القواعد أدناه بعد.
password-submit = تغيير كلمة المرور
strength-label = قوة كلمة المرور
strength-score-0 = ضعيفة جدًا
strength-score-1 = ضعيفة
strength-score-2 = مقبولة
strength-score-3 = قوية
strength-score-4 = قوية جدًا
strength-warning-keyboard = صفوف المفاتيح وأنماطها سهلة التخمين.
strength-warning-repeats = الأحرف المكررة سهلة التخمين.
strength-warning-common = هذه كلمة مرور شائعة جدًا.
strength-warning-similar = هذه تشبه كلمة مرور شائعة.
strength-warning-sequence = التسلسلات مثل abc أو 6543 سهلة التخمين.
strength-warning-years = السنوات الأخيرة سهلة التخمين.
strength-warning-word = الكلمة الواحدة وحدها سهلة التخمين.
strength-warning-dates = التواريخ سهلة التخمين.
strength-warning-names = الأسماء وحدها سهلة التخمين.
strength-suggestion-more_words = أضف كلمة أو كلمتين؛ الكلمات غير الشائعة أفضل.
strength-suggestion-no_symbols_needed = لا حاجة إلى رموز أو أرقام أو أحرف كبيرة: الطول أهم.
strength-suggestion-capitals = الأحرف الكبيرة لا تفيد كثيرًا.
strength-suggestion-reversed = الكلمات المقلوبة ليست أصعب تخمينًا بكثير.
strength-suggestion-substitutions = الاستبدالات مثل @ بدل a لا تفيد كثيرًا.
strength-suggestion-keyboard = استخدم نمط مفاتيح أطول وبمنعطفات أكثر.
strength-suggestion-repeats = تجنب تكرار الكلمات والأحرف.
strength-suggestion-sequences = تجنب التسلسلات.
strength-suggestion-dates = تجنب التواريخ والسنوات المرتبطة بك.

## النتائج
done-title-reset = تم تغيير كلمة المرور
done-hint-reset = يمكنك الآن تسجيل الدخول باستخدام كلمة المرور الجديدة.
done-title-unlock = تم إلغاء قفل الحساب
done-hint-unlock = يمكنك الآن تسجيل الدخول باستخدام كلمة المرور الخاصة بك.
pending-title = أوشكنا على الانتهاء
pending-hint = تم تأكيد هويتك. نعمل الآن على نقل التغيير إلى خدمة الدليل لديك.
pending-retry = إعادة المحاولة
locked-title = محاولات كثيرة جدًا
locked-hint = حفاظًا على أمانك، تم حظر إعادة تعيين كلمة المرور لهذا الحساب حتى { $until }.
approval-title = وافق من هاتفك
approval-hint = افتح صفحة الموافقة على هاتفك واضغط على الرقم الظاهر هنا.
approval-number-label = الرقم المطلوب الضغط عليه:
approval-waiting = في انتظار هاتفك…

## مشكلات الاتصال (لا توجد استجابة من الخادم)
client-network = تعذّر الوصول إلى الخادم. تحقّق من اتصالك وحاول مرة أخرى.
client-unreadable = أرسل الخادم ردًّا لم نتمكن من فهمه. حاول مرة أخرى.

## الأخطاء، رسالة لكل رمز قد يُرجعه الخادم
error-bad_request = هناك خطأ ما في الطلب. أعد تحميل الصفحة وحاول مرة أخرى.
error-unsupported_media_type = هناك خطأ ما في الطلب. أعد تحميل الصفحة وحاول مرة أخرى.
error-payload_too_large = النص الذي أدخلته طويل جدًا.
error-not_found = هذه الصفحة قديمة. أعد تحميلها وحاول مرة أخرى.
error-method_not_allowed = هذه الصفحة قديمة. أعد تحميلها وحاول مرة أخرى.
error-origin_not_allowed = إعادة تعيين كلمة المرور غير متاحة على هذا الموقع. تواصل مع مكتب الدعم الفني.
error-invalid_username = أدخل اسم مستخدم أو عنوان بريد إلكتروني لا يحتوي على أحرف خاصة.
error-flow_expired = انتهت صلاحية عملية إعادة التعيين هذه. ابدأ من جديد.
error-wrong_step = تم إكمال هذه الخطوة بالفعل. ابدأ من جديد.
error-method_not_offered = هذه الطريقة غير متاحة لعملية إعادة التعيين هذه. اختر طريقة أخرى.
error-answers_wrong = بعض الإجابات غير صحيحة. أجب عن الأسئلة الجديدة.
error-approval_failed = تم رفض الطلب على هاتفك، أو تمت الإجابة عنه برقم خاطئ، أو انتهت مهلته.
error-invalid_code_format = أدخل الرمز بالأرقام فقط.
error-code_mismatch = { $tries ->
    [0] الرمز غير مطابق.
    [one] الرمز غير مطابق. تبقّت لديك { $tries } محاولة.
    [two] الرمز غير مطابق. تبقّت لديك { $tries } محاولتان.
    [few] الرمز غير مطابق. تبقّت لديك { $tries } محاولات.
    [many] الرمز غير مطابق. تبقّت لديك { $tries } محاولةً.
   *[other] الرمز غير مطابق. تبقّت لديك { $tries } محاولة.
}
error-code_expired = انتهت صلاحية هذا الرمز. ابدأ من جديد للحصول على رمز جديد.
error-code_used = تم استخدام هذا الرمز من قبل. ابدأ من جديد للحصول على رمز جديد.
error-code_attempts_exhausted = تم إدخال رموز خاطئة كثيرة جدًا. ابدأ من جديد للحصول على رمز جديد.
error-locked = محاولات كثيرة جدًا. حاول مرة أخرى بعد { $until }.
error-resend_too_soon = تم إرسال رمز قبل لحظات. يمكنك طلب رمز آخر بعد { $until }.
error-send_limit = تم إرسال عدد كبير جدًا من الرموز. يمكنك طلب رمز آخر بعد { $until }.
error-password_too_short = { $min ->
    [zero] استخدم { $min } حرف على الأقل.
    [one] استخدم { $min } حرف على الأقل.
    [two] استخدم { $min } حرفين على الأقل.
    [few] استخدم { $min } أحرف على الأقل.
    [many] استخدم { $min } حرفًا على الأقل.
   *[other] استخدم { $min } حرف على الأقل.
}
error-password_too_long = { $max ->
    [zero] استخدم { $max } حرف كحد أقصى.
    [one] استخدم { $max } حرف كحد أقصى.
    [two] استخدم { $max } حرفين كحد أقصى.
    [few] استخدم { $max } أحرف كحد أقصى.
    [many] استخدم { $max } حرفًا كحد أقصى.
   *[other] استخدم { $max } حرف كحد أقصى.
}
error-password_composition = استخدم ثلاثة أنواع على الأقل مما يلي: أحرف كبيرة، أحرف صغيرة، أرقام، رموز.
error-password_personal_info = لا تستخدم اسمك أو اسم المستخدم أو عنوان بريدك الإلكتروني في كلمة المرور.
error-password_common = كلمة المرور هذه شائعة جدًا. اختر كلمة مرور يصعب تخمينها.
error-password_banned = كلمة المرور هذه مبنية على كلمة غير مسموح بها هنا. اختر كلمة مرور أخرى.
error-password_breached = ظهرت كلمة المرور هذه في تسريب للبيانات، لذا سيجرّبها المهاجمون مبكرًا. اختر كلمة مرور أخرى.
error-breach_check_unavailable = لا يمكن الآن التحقق من كلمة المرور مقابل كلمات المرور المسرّبة. حاول مرة أخرى بعد دقيقة.
error-password_rejected = رفضت خدمة الدليل في مؤسستك كلمة المرور هذه: { $reason }
error-backend_unavailable = لم تستجب خدمة الدليل. لم يتم تغيير أي شيء. حاول مرة أخرى بعد قليل.
error-internal = حدث خطأ من جانبنا. لم يتم تغيير أي شيء. حاول مرة أخرى.
error-invalid_parameter = كان هناك خطأ في الطلب. أعد تحميل الصفحة وحاول مرة أخرى.
error-unauthenticated = سجّل الدخول مرة أخرى للمتابعة.
error-not_enabled = إعادة تعيين كلمة المرور ذاتيًا غير مفعّلة لحسابك. تواصل مع الدعم الفني.
error-method_not_permitted = مؤسستك لا تسمح بهذه الطريقة.
error-email_invalid = أدخل عنوان بريد إلكتروني مثل name@example.com.
error-phone_invalid = أدخل رقم جوال مع رمز البلد، مثل ‎+971 50 123 4567.
error-nothing_pending = لا يوجد ما ينتظر رمزًا. أضف الطريقة مرة أخرى.
error-not_registered = هذه الطريقة غير مسجلة.
error-questions_invalid = راجع أسئلة الأمان: يجب أن يختلف كل سؤال وكل إجابة، وأن تُكتب الإجابة مرتين بالشكل نفسه.
error-registration_incomplete = سجّل طرقًا إضافية قبل تأكيدها.
error-nothing_to_postpone = لا يوجد ما يمكن تأجيله.
error-postpone_budget_used = لا يمكنك التأجيل أكثر من ذلك.
error-sign_in_too_old = سجّل الدخول مرة أخرى لإزالة طريقة.
error-invalid_policy = السياسة غير صالحة.
error-version_conflict = تم تغيير السياسة في أثناء ذلك. حمّلها مرة أخرى.
error-turnstile_required = أكمل التحقق الأمني أولًا.
error-turnstile_failed = لم يُقبل التحقق الأمني. أعده مرة أخرى.
error-turnstile_unavailable = تعذّر تأكيد التحقق الأمني الآن. لم يبدأ أي شيء. حاول مرة أخرى بعد قليل.
error-device_name_invalid = يجب أن يتكون اسم الجهاز من 1 إلى 64 حرفًا.
error-public_key_invalid = لا يمكن استخدام مفتاح هذا الهاتف. اقرنه مرة أخرى.
error-pairing_invalid = رمز الإقران هذا لم يعد صالحًا. اطلب رمز QR جديدًا.
error-signature_invalid = لم يتم التعرف على هذا الهاتف. اقرنه مرة أخرى.
error-request_stale = ساعة هاتفك غير مضبوطة. اضبط الوقت الصحيح ثم حاول مرة أخرى.
error-request_replayed = تم استلام هذا الطلب من قبل.
error-no_approval_pending = لا يوجد طلب في انتظار الموافقة.
error-approval_expired = انتهت صلاحية الطلب على هاتفك. حاول مرة أخرى.

## أسئلة الأمان (حسب مفتاح ثابت؛ تُستخدم في التسجيل وإعادة التعيين)
question-city_born = في أي مدينة وُلدت؟
question-city_parents_met = في أي مدينة التقى والداك لأول مرة؟
question-city_first_job = في أي مدينة كانت أول وظيفة لك؟
question-city_spouse_born = في أي مدينة وُلد شريك حياتك؟
question-childhood_best_friend = ما الاسم الأول لأعز أصدقائك في الطفولة؟
question-childhood_nickname = ما اللقب الذي كنت تُنادى به في طفولتك؟
question-childhood_street = في أي شارع أو حي كنت تسكن في طفولتك؟
question-childhood_hero = من كان بطلك أو قدوتك في الطفولة؟
question-childhood_phone_last_four = ما آخر أربعة أرقام من رقم هاتف منزلكم في طفولتك؟
question-first_pet_name = ما اسم أول حيوان أليف اقتنيته؟
question-first_car_model = ما ماركة وطراز أول سيارة امتلكتها؟
question-first_concert = ما أول حفل موسيقي حضرته؟
question-first_employer = ما اسم أول جهة عملت لديها؟
question-first_job_title = ما المسمى الوظيفي لأول وظيفة شغلتها؟
question-first_school_name = ما اسم أول مدرسة التحقت بها؟
question-first_teacher_surname = ما اسم عائلة أول معلم أو معلمة لك؟
question-first_kiss_city = في أي مدينة كانت قبلتك الأولى؟
question-favourite_food_as_child = ما طعامك المفضل في طفولتك؟
question-favourite_book_as_child = ما كتابك المفضل في طفولتك؟
question-favourite_film_as_teen = ما فيلمك المفضل في سن المراهقة؟
question-favourite_sports_team_as_child = ما فريقك الرياضي المفضل في طفولتك؟
question-favourite_toy_as_child = ما لعبتك المفضلة في طفولتك؟
question-grandmother_maiden_name = ما اسم عائلة جدتك قبل الزواج؟
question-grandfather_occupation = ما مهنة جدك؟
question-oldest_cousin_first_name = ما الاسم الأول لأكبر أبناء عمومتك أو خؤولتك سنًا؟
question-oldest_sibling_middle_name = ما الاسم الأوسط لأكبر إخوتك سنًا؟
question-youngest_sibling_birthday_month = في أي شهر وُلد أصغر إخوتك؟
question-father_middle_name = ما الاسم الأوسط لوالدك؟
question-mother_middle_name = ما الاسم الأوسط لوالدتك؟
question-parents_wedding_city = في أي مدينة تزوّج والداك؟
question-high_school_mascot = ما تميمة مدرستك الثانوية أو شعارها؟
question-high_school_graduation_year_city = في أي مدينة أنهيت دراستك الثانوية؟
question-university_first_roommate = ما الاسم الأول لأول زميل سكن لك في الجامعة؟
question-wedding_reception_venue = أين أُقيم حفل زفافك؟
question-dream_job_as_child = ما الوظيفة التي كنت تحلم بها في طفولتك؟
question-place_of_first_holiday = إلى أين ذهبت في أول عطلة لك؟

## إعادة التعيين بتطبيق المصادقة أو بأسئلة الأمان
totp-title = أدخل الرمز من تطبيق المصادقة
totp-hint = افتح تطبيق المصادقة وأدخل الرمز المكوّن من { $length } أرقام الذي يعرضه لهذا الحساب.
answers-title = أجب عن أسئلة الأمان
answers-hint = أجب كما أجبت عند إعدادها. لا تهم الأحرف الكبيرة والمسافات الزائدة.
answers-submit = متابعة

## التسجيل: نظرة عامة و«طرقي»
loading = جارٍ التحميل…
failed-title = تعذّر تحميل طرقك
register-title = أعدّ طرقًا لإعادة تعيين كلمة المرور
reconfirm-title = هل ما زالت هذه الطرق لك؟
manage-title = طرقك لإعادة تعيين كلمة المرور
not-enabled-title = إعادة تعيين كلمة المرور غير مفعّلة
register-signed-in = مسجَّل الدخول باسم { $name }
register-progress = تم إعداد { $held } من { $total }
register-hint = إذا نسيت كلمة المرور، فستثبت هويتك بهذه الطرق.
reconfirm-hint = تحقّق من أنك ما زلت تستطيع استخدام كل طريقة منها، ثم أكّدها.
register-needed = { $total ->
    [zero] تحتاج إلى { $total } طريقة.
    [one] تحتاج إلى طريقة واحدة.
    [two] تحتاج إلى طريقتين.
    [few] تحتاج إلى { $total } طرق.
    [many] تحتاج إلى { $total } طريقةً.
   *[other] تحتاج إلى { $total } طريقة.
}
register-held-title = تم إعدادها
register-none-held = لم يُعدّ أي شيء بعد.
register-add-title = إضافة طريقة
method-email_code = البريد الإلكتروني { $destination }
method-sms_code = الهاتف المحمول { $destination }
method-authenticator = تطبيق المصادقة
method-app_notification = الإشعارات على هاتفك
method-security_questions = أسئلة الأمان
add-email_code = إضافة عنوان بريد إلكتروني
add-sms_code = إضافة هاتف محمول
add-authenticator = إضافة تطبيق مصادقة
add-app_notification = إضافة الإشعارات على هاتفك
add-security_questions = إعداد أسئلة الأمان
remove-method = إزالة
held-default = الافتراضية
make-default = اجعلها الافتراضية
held-from-directory = من دليل مؤسستك
confirm-methods = تأكيد طرقي
postpone = ليس الآن
postpone-hint = { $count ->
    [zero] لا يمكنك التأجيل بعد الآن.
    [one] يمكنك التأجيل مرة واحدة أخرى.
    [two] يمكنك التأجيل مرتين أخريين.
    [few] يمكنك التأجيل { $count } مرات أخرى.
    [many] يمكنك التأجيل { $count } مرةً أخرى.
   *[other] يمكنك التأجيل { $count } مرة أخرى.
}
back = رجوع

## التسجيل: إضافة طريقة
email-title = إضافة عنوان بريد إلكتروني
email-label = عنوان البريد الإلكتروني
email-hint = سنرسل رمزًا إلى هذا العنوان للتحقق منه.
phone-title = إضافة هاتف محمول
phone-label = رقم الهاتف المحمول
phone-hint = ابدأ برمز البلد، مثل ‎+966 50 123 4567. سنرسل إليك رمزًا برسالة نصية.
auth-title = إعداد تطبيق المصادقة
auth-scan = امسح رمز QR هذا بتطبيق المصادقة، مثل Microsoft Authenticator أو Google Authenticator.
auth-qr = رمز QR لتطبيق المصادقة
auth-secret = أو اكتب هذا المفتاح في التطبيق:
auth-copy = نسخ المفتاح
auth-copied = تم نسخ المفتاح.
auth-link = الإعداد على هذا الهاتف
auth-code-label = الرمز من التطبيق
auth-new-secret = الحصول على رمز QR جديد
auth-pending-hint = أدخل الرمز الذي يعرضه تطبيق المصادقة، أو احصل على رمز QR جديد.
questions-title = إعداد أسئلة الأمان
questions-hint = اختر { $count } أسئلة مختلفة واكتب كل إجابة مرتين. تتكوّن الإجابات من { $min } إلى { $max } حرفًا.
questions-question = السؤال { $number }
questions-choose = اختر سؤالًا
questions-answer = الإجابة
questions-confirm = أعد كتابة الإجابة
questions-submit = حفظ الأسئلة

## التسجيل: النتائج
signin-title = سجّل الدخول مرة أخرى
signin-hint = انتهت صلاحية تسجيل دخولك. سجّل الدخول مرة أخرى للمتابعة؛ لن يضيع شيء مما أعددته.
reg-done-title = اكتمل الإعداد
reg-done-hint = إذا نسيت كلمة المرور، يمكنك الآن إعادة تعيينها بنفسك.
reg-done-manage = إدارة طرقي
postponed-title = سنذكّرك لاحقًا
postponed-hint = سيُطلب منك ذلك مرة أخرى عند تسجيل دخولك التالي.

## التسجيل: الإشعارات على هاتفك (إقران هاتف الموافقة)
app-title = تلقّي الإشعارات على هاتفك
app-scan = امسح رمز QR هذا بكاميرا هاتفك، وافتح الصفحة التي يعرضها، ثم اضغط على «إقران هذا الهاتف».
app-qr = رمز QR يفتح صفحة الإقران على هاتفك
app-link = أو افتح صفحة الإقران على هذا الجهاز
app-expires = هذا الرمز صالح حتى { $time }.
app-waiting = في انتظار هاتفك…
app-expired = انتهت صلاحية هذا الرمز.
app-new-code = عرض رمز جديد
held-app_notification = الإشعارات على «{ $name }»

## صفحة الموافقة على الهاتف
approver-title-pair = إقران هذا الهاتف
approver-pair-hint = طلب حسابك إرسال طلبات الموافقة على إعادة تعيين كلمة المرور إلى هذا الهاتف. بعد إقرانه، ستطلب منك هذه الصفحة الموافقة على كل عملية إعادة تعيين أو إلغاء قفل لحسابك.
approver-name-label = اسم هذا الهاتف
approver-name-hint = يظهر مع طرقك، لتعرف أي هاتف هو.
approver-name-default = هاتفي
approver-pair = إقران هذا الهاتف
approver-paired = تم إقران هذا الهاتف. عندما تعيد تعيين كلمة المرور أو تلغي قفل حسابك، افتح هذه الصفحة للموافقة على ذلك.
approver-title-waiting = لا توجد طلبات في الانتظار
approver-waiting-hint = أبقِ هذه الصفحة مفتوحة، أو أضفها إلى شاشتك الرئيسية. ما دامت مفتوحة، فإنها تتحقق من وجود طلبات كل بضع ثوانٍ.
approver-devices = مقترن بهذا الهاتف
approver-device = «{ $name }»، تم الإقران في { $date }
approver-check-now = التحقق الآن
approver-title-request = هل هذا أنت؟
approver-request-reset = هناك من يعيد تعيين كلمة المرور الخاصة بك (طُلب ذلك في { $time }).
approver-request-unlock = هناك من يلغي قفل حسابك (طُلب ذلك في { $time }).
approver-request-hint = إذا كان هذا أنت، فاضغط على الرقم الظاهر على شاشة إعادة التعيين.
approver-number = الرقم { $number }
approver-deny = لم أكن أنا
approver-title-approved = تمت الموافقة
approver-approved = تستمر عملية إعادة التعيين على الشاشة الأخرى.
approver-title-denied = تم رفض الطلب
approver-denied = لا يمكن لأحد متابعة عملية إعادة التعيين هذه. إذا لم تكن أنت من بدأها، فقد يعرف شخص ما اسم المستخدم الخاص بك: أبلغ مكتب الدعم الفني.
approver-title-wrong = لم تتم الموافقة
approver-wrong = لم يكن هذا هو الرقم الظاهر على شاشة إعادة التعيين، لذا تم رفض الطلب. يجب اختيار طريقة مرة أخرى لإعادة التعيين.
approver-title-expired = انتهت صلاحية الطلب
approver-expired = انتظر الطلب أكثر من دقيقتين. ابدأ من جديد على شاشة إعادة التعيين.
approver-title-gone = لا شيء للموافقة عليه
approver-gone = تمت الإجابة عن الطلب بالفعل، أو حلّ محله طلب أحدث.
approver-back = حسنًا
approver-title-unpaired = هذا الهاتف غير مقترن
approver-unpaired-hint = للموافقة على عمليات إعادة تعيين كلمة المرور على هذا الهاتف، افتح صفحة التسجيل الخاصة بك، واختر «إضافة الإشعارات على هاتفك»، ثم امسح رمز QR بكاميرا هذا الهاتف.
approver-removed = تمت إزالة هذا الهاتف من حسابك.
approver-title-unsupported = لا يمكن لهذا المتصفح الموافقة على الطلبات
approver-unsupported = لا يمكنه الاحتفاظ بمفتاح توقيع بأمان هنا (لا يتوفر IndexedDB أو WebCrypto، أو لا تُقدَّم الصفحة عبر HTTPS). افتح هذه الصفحة في المتصفح الذي تستخدمه عادةً على هاتفك.
approver-keystore-failed = تعذّر على هذا المتصفح استخدام مفتاح هذا الهاتف. أعد تحميل الصفحة وحاول مرة أخرى.
approver-push-hint = احصل على إشعار على هذا الهاتف لكل طلب، حتى عندما تكون هذه الصفحة مغلقة.
approver-push-enable = تشغيل الإشعارات
approver-push-on = يتلقى هذا الهاتف إشعارًا لكل طلب.
approver-push-disable = إيقاف الإشعارات
approver-push-turned-on = تم تشغيل الإشعارات. اضغط على إشعار لفتح هذه الصفحة والرد على الطلب.
approver-push-turned-off = تم إيقاف الإشعارات. أبقِ هذه الصفحة مفتوحة لرؤية الطلبات.
approver-push-denied = الإشعارات محظورة لهذه الصفحة. اسمح بها في إعدادات المتصفح، أو أبقِ هذه الصفحة مفتوحة.
approver-push-failed = تعذّر تشغيل الإشعارات في هذا المتصفح. أبقِ هذه الصفحة مفتوحة لرؤية الطلبات.
# الإشعار الذي يعرضه الهاتف عند وصول طلب (تُرسَل نصوصه إلى service worker).
approver-push-title = طلب إعادة تعيين كلمة المرور
approver-push-body = اضغط للموافقة عليه أو رفضه.
## «لم أكن أنا»: إعادة تعيين موقوفة بعد بلاغ، وصفحة البلاغ
## (<sspr-reset flow="report">، تُفتح من الرابط في رسالة الإشعار)
reported-title = إعادة تعيين كلمة المرور موقوفة مؤقتًا لحسابك
reported-hint = أُبلغ أن تغييرًا في حسابك لم تُجرِه أنت، لذا أُوقفت الخدمة الذاتية لإعادة تعيين كلمة المرور مؤقتًا حتى { $until }. تواصل مع مكتب الدعم الفني لاستعادة الوصول إلى حسابك.
helpdesk-link = تواصل مع مكتب الدعم الفني
report-title = ألم تُجرِ هذا التغيير؟
report-change-password_changed = تم تغيير كلمة المرور.
report-change-account_unlocked = تم إلغاء قفل حسابك.
report-change-method_added = أُضيفت طريقة لإعادة تعيين كلمة المرور: { $method }.
report-change-method_removed = أُزيلت طريقة لإعادة تعيين كلمة المرور: { $method }.
report-method-email_code = عنوان بريد إلكتروني
report-method-sms_code = هاتف محمول
report-method-authenticator = تطبيق مصادقة
report-method-app_notification = إشعارات على هاتف
report-method-security_questions = أسئلة الأمان
report-when = متى: { $when }
report-explain = إذا لم تكن أنت، فقد يتمكن شخص آخر من الوصول إلى حسابك. أبلغ عن ذلك: سنوقف مؤقتًا الخدمة الذاتية لإعادة تعيين كلمة المرور لحسابك، ونوقف أي إعادة تعيين جارية، وننبّه المسؤولين.
report-explain-remove = ستُزال طريقة إعادة التعيين التي أُضيفت.
report-confirm = لم أكن أنا، أبلغ عن ذلك
report-it-was-me = إذا كنت أنت من أجرى هذا التغيير، فلا داعي لفعل أي شيء: يمكنك إغلاق هذه الصفحة.
report-done-title = شكرًا لك، حسابك محمي
report-done-hint = الخدمة الذاتية لإعادة تعيين كلمة المرور موقوفة مؤقتًا لحسابك حتى { $until }، وتم إبلاغ المسؤولين. تواصل مع مكتب الدعم الفني لتأمين حسابك.
report-done-removed = أُزيلت طريقة إعادة التعيين التي أُضيفت.
report-already-title = سبق أن أبلغت عن هذا التغيير
report-already-hint = أبلغت عنه في { $when }. تواصل مع مكتب الدعم الفني إذا كان حسابك لا يزال بحاجة إلى التأمين.
report-invalid-title = لا يمكن استخدام هذا الرابط
report-missing = افتح هذه الصفحة من الرابط في رسالة البريد الإلكتروني التي أرسلناها إليك بشأن حسابك.
error-reported_compromise = أُبلغ أن تغييرًا في حسابك لم تُجرِه أنت، لذا أُوقفت الخدمة الذاتية لإعادة تعيين كلمة المرور والتغييرات على طرقك مؤقتًا حتى { $until }. تواصل مع مكتب الدعم الفني.
error-report_invalid = هذا الرابط غير صالح أو انتهت صلاحيته (تبقى الروابط صالحة 7 أيام). إذا بدا لك تغيير في حسابك غير صحيح، فتواصل مع مكتب الدعم الفني.
