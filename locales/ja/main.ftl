### guest-join: Japanese (日本語) translation of en/main.ftl.
### です・ます調。用語: 会議 (meeting)、開催者 (organizer)、ロビー (lobby)、ゲスト (guest)、参加を許可する (let in)、ミドルティア (middle tier)。

## Page

page-title = 会議に参加
page-description = Skype for Business の会議にゲストとして参加します。
page-noscript = 会議に参加するには、このページで JavaScript を有効にする必要があります。
page-part-missing = このページを最後まで読み込めませんでした。インターネット接続をご確認のうえ、ページを再読み込みしてください。
page-reload = ページを再読み込み
setup-problem = このページはまだ設定されていません。guest-join サービスのアドレスを指定した <meta name="guest-join-middle-tier" content="https://…/"> と、対応する会議ホストを指定した <meta name="guest-join-meeting-hosts"> が必要です。README の「Hosting the app yourself」をご覧ください。
brand-logo-alt = ロゴ

## Link screen

link-title = 会議に参加
link-lead = 会議の招待に記載されているリンクを貼り付けてください。アカウントは必要ありません。
link-continue = 続行

## Meeting link field

link-field-label = 会議のリンク
link-field-placeholder = https://meet.lync.com/…
link-field-hint = 会議の招待に記載されているリンクを貼り付けてください。
link-field-joinable = Skype for Business Online の会議 { $meeting_id } です。ゲストとして参加できます。
link-field-on-premises = Skype for Business Server の会議 { $meeting_id } です。ゲストとして参加できます。
link-error-too-long = 会議のリンクとしては長すぎます。招待に記載されているリンクだけをコピーしてください。
link-error-not-a-link = リンクではないようです。会議のリンクは https:// で始まります
link-error-unsupported-scheme = これは { $scheme }: のリンクで、会議のリンクではありません。会議のリンクは https:// で始まります
link-error-insecure = このリンクは安全ではありません (http://)。https:// で始まる会議のリンクを開催者にお問い合わせください。
link-error-teams = これは Microsoft Teams のリンクです。Teams で開いてください。このページは Skype for Business の会議用です。
link-error-not-a-meeting = このリンクは会議につながっていません。招待に記載されているリンク全体をコピーしたかご確認ください。
link-error-missing-meeting-id = この会議のリンクは途中で切れているようです。末尾の会議コードがありません。招待に記載されているリンク全体をコピーしてください。
link-error-not-a-conference = これは個人の Skype アドレスで、会議ではありません。会議のリンクを開催者にお問い合わせください。
link-error-has-credentials = このリンクにはユーザー名またはパスワードが含まれていますが、会議のリンクにそれらが含まれることはありません。招待に記載されているリンクをもう一度コピーしてください。

## Name screen

name-title = 会議に参加
name-title-subject = 「{ $subject }」に参加
name-meeting-id = Skype for Business 会議 { $meeting_id }
name-label = お名前
name-help = この名前は会議の他の参加者に表示されます。
name-error-empty = ほかの参加者にわかるように、お名前を入力してください。
name-error-too-long = { $max ->
   *[other] 名前が長すぎます。{ $max } 文字以内で入力してください。
}
name-join = 会議に参加
name-joining = 参加しています…
name-change-link = 別のリンクを使用

## Joining steps

joining-title = 会議に参加しています
joining-title-subject = 「{ $subject }」に参加しています
joining-cancel = キャンセル
steps-label = 参加の進行状況
step-checking-link = リンクを確認中
step-getting-access = アクセスを取得中
step-connecting = 接続中
step-waiting-in-lobby = ロビーで待機中
step-in-meeting = 会議に参加中
step-done = (完了)
step-in-progress = (進行中)

## Lobby

lobby-title = 参加の許可を待っています
lobby-lead = { $subject } の開催者はあなたの到着を把握しており、まもなく参加を許可します。
lobby-lead-no-subject = 会議の開催者はあなたの到着を把握しており、まもなく参加を許可します。
lobby-waiting-for = 待機時間: { $time }
elapsed-seconds = { $seconds ->
   *[other] { $seconds } 秒
}
elapsed-minutes-seconds = { $minutes ->
   *[other] { $minutes } 分
} { $seconds ->
   *[other] { $seconds } 秒
}
lobby-tab-hint = 別のタブに切り替えてもかまいません。参加が許可されると、このページのタイトルが変わります。
lobby-notify-me = 参加が許可されたら通知する
lobby-leave = 退出

## Browser tab titles

tab-title-joining = { $subject } に参加しています…
tab-title-joining-no-subject = 会議に参加しています…
tab-title-lobby = 参加の許可を待っています – { $subject }
tab-title-lobby-no-subject = 参加の許可を待っています – 会議
tab-title-meeting = { $subject } に参加中
tab-title-meeting-no-subject = 会議に参加中
tab-title-meeting-unread = ({ $count }) { $subject } に参加中
tab-title-meeting-unread-no-subject = ({ $count }) 会議に参加中

## Announcements and notifications

notify-admitted-title = 会議に参加しました
notify-admitted-body = 「{ $subject }」への参加が許可されました。
notify-admitted-body-no-subject = 会議への参加が許可されました。
announce-admitted = 参加が許可されました。会議に参加しています。
announce-lobby = ロビーで待機しています。開催者が参加を許可します。
announce-in-meeting = 「{ $subject }」に参加しています。
announce-in-meeting-no-subject = 会議に参加しています。
announce-participant-joined = { $name } さんが参加しました。
announce-participant-left = { $name } さんが退出しました。
announce-message = { $sender } さん: { $text }
notify-message-title = { $sender } さんからの新しいメッセージ
announce-message-failed = メッセージを送信できませんでした。もう一度お試しいただけます。
announce-send-failed = メッセージを送信できませんでした。
announce-reconnecting = 接続が切断されました。再接続しています…
announce-reconnected = 再接続しました。

## Meeting screen

meeting-title-fallback = 会議
meeting-status-in = 会議に参加しています
meeting-status-leaving = 退出しています…
meeting-status-reconnecting = 再接続しています…
meeting-notify-me = 新しいメッセージを通知する
meeting-leave = 退出
meeting-reconnecting-banner = 接続が切断されました。再接続しています… メッセージは保持されています。

## People

roster-title = 参加者 ({ $count })
roster-lobby-count = { $count ->
   *[other] { $count } 人がロビーで待機しています
}
roster-you = あなた
roster-you-badge = ゲスト
roster-organizer = 開催者
roster-origin-guest = ゲスト
roster-origin-skype = Skype
roster-origin-other-organisation = 他の組織のゲスト

## Join by phone

dial-in-title = 電話で参加
dial-in-call = 電話
dial-in-toll-free = { $region } (無料)
dial-in-conference-id = 会議 ID: { $id }
dial-in-more-numbers = その他の番号

## Chat

chat-title = チャット
chat-log-label = メッセージ
chat-empty = まだメッセージはありません。
chat-new-messages = 新しいメッセージ
chat-sender-you = あなた
chat-sending = 送信しています…
chat-sent = 送信済み
chat-not-sent = 送信されていません。
chat-retry = 再試行
typing-one = { $name } さんが入力しています…
typing-two = { $first } さんと { $second } さんが入力しています…
typing-several = 複数の参加者が入力しています…
chat-input-label = メッセージ
chat-placeholder = メッセージを入力
chat-placeholder-connecting = チャットに接続しています… 入力はすでに可能です
chat-input-help = Enter キーで送信、Shift キーを押しながら Enter キーで改行します。
chat-send = 送信

## After the meeting

outcome-left-title = 会議から退出しました
outcome-left-detail = 会議に参加していません。
outcome-left-next = 誤って退出した場合は、再参加できます。
outcome-ended-title = 会議は終了しました
outcome-ended-detail = 開催者が会議を終了したため、全員が退出しました。
outcome-ended-next = 開催者が会議を再開した場合は、同じリンクで再参加できます。
outcome-removed-title = 会議から削除されました
outcome-removed-detail = 開催者があなたを会議から削除しました。
outcome-removed-next = 誤りだと思われる場合は、もう一度参加をリクエストできます。
outcome-denied-title = 参加が許可されませんでした
outcome-denied-detail = 開催者がロビーからの参加を許可しませんでした。
outcome-denied-next = 会議と時刻が正しいかを開催者にご確認のうえ、もう一度参加をリクエストしてください。
outcome-lobby-timeout-title = 参加が許可されませんでした
outcome-lobby-timeout-detail = ロビーで待機しましたが、時間内に参加が許可されませんでした。
outcome-lobby-timeout-next = 開催者がまだ会議を開始していない可能性があります。数分後にもう一度参加をリクエストしてください。
outcome-retry-rejoin = 再参加
outcome-retry-ask-again = もう一度参加をリクエスト
outcome-change-link = 別のリンクを使用

## Join failed

failure-link-not-usable-title = このリンクはここでは使用できません
failure-link-not-usable-detail = この会議のリンクでは、このページから参加できません。
failure-link-not-usable-next = リンク全体をコピーしたかご確認いただくか、新しいリンクを開催者にお問い合わせください。
failure-meeting-not-found-title = このリンクの会議は現在開催されていません
failure-meeting-not-found-detail = 会議が終了したか、キャンセルされたか、リンクが古くなっている可能性があります。
failure-meeting-not-found-next = 新しいリンクを開催者にお問い合わせください。
failure-invitation-required-title = 招待リンクが必要です
failure-invitation-required-detail = この会議には、招待に記載されている個人用リンクでのみ参加できます。
failure-invitation-required-next = 招待メッセージに記載されているリンクを開いてください。
failure-invitation-invalid-title = この招待は無効です
failure-invitation-invalid-detail = 招待リンクが破損しているか、別の会議のものです。
failure-invitation-invalid-next = 招待メッセージのリンクをもう一度開くか、新しい招待をご依頼ください。
failure-invitation-expired-title = この招待は期限切れです
failure-invitation-expired-detail = 招待リンクは一定の期間しか使用できません。
failure-invitation-expired-next = 招待した方に新しいリンクをご依頼ください。
failure-origin-not-allowed-title = この Web サイトからは会議に参加できません
failure-origin-not-allowed-detail = この Web サイトには、会議サービスへの接続が許可されていません。
failure-origin-not-allowed-next = 招待に記載されているリンクを直接開くか、Web サイトの運営者にお知らせください。
failure-access-expired-title = アクセスの有効期限が切れました
failure-access-expired-detail = 会議へのアクセスの有効期限が切れ、更新できませんでした。
failure-access-expired-next = 再試行して、新しいアクセスを取得してください。
failure-meeting-full-title = 会議は満員です
failure-meeting-full-detail = 現在、この会議にはこれ以上参加できません。
failure-meeting-full-next = 後で再試行するか、開催者にお知らせください。
failure-refused-title = 会議サービスに拒否されました
failure-refused-detail = 会議サービスが参加のリクエストを拒否しました。
failure-refused-next = 再試行してください。何度も発生する場合は、新しいリンクを開催者にお問い合わせください。
failure-service-unavailable-title = 会議サービスを利用できません
failure-service-unavailable-detail = 会議サービスが混み合っているか、一時的に停止しています。
failure-service-unavailable-next = 1 分ほど待ってから再試行してください。
failure-rate-limited-title = 試行回数が多すぎます
failure-rate-limited-detail = このデバイスから短時間に何度も参加が試みられました。
failure-rate-limited-next = 1 分ほど待ってから再試行してください。
failure-network-lost-title = 接続が切断されました
failure-network-lost-detail = 会議サービスに接続できませんでした。
failure-network-lost-next = インターネット接続をご確認のうえ、再試行してください。
failure-opened-elsewhere-title = 別の場所で会議に参加しています
failure-opened-elsewhere-detail = この会議は別のウィンドウまたはタブで開かれ、そちらに切り替わりました。
failure-opened-elsewhere-next = もう一方のウィンドウを閉じてから、ここで続行してください。
failure-incompatible-title = 問題が発生しました
failure-incompatible-detail = 会議サービスから、このページでは解釈できない応答がありました。
failure-incompatible-next = 再試行してください。何度も発生する場合は、開催者にお問い合わせください。
failure-rate-limited-wait = { $seconds ->
   *[other] { $seconds } 秒後に再試行してください。
}
failure-retry = 再試行
failure-retry-continue-here = ここで続行

## Staff link check

check-title = 会議のリンクを確認
check-lead = お客様にリンクを送る前に、この Web サイトからゲストがそのリンクで参加できるかを確認してください。
check-participant-name = リンク確認
check-joins-label = 会議にも短時間参加します。会議の全員に「{ $name }」という参加者の入退室が表示されます。
check-submit = リンクを確認
check-joins-note = 確認のため「{ $name }」として会議に参加し、すぐに退出します。
check-no-join-note = 会議には誰も参加しません。
check-results-label = 確認結果
check-step-link = リンクは Skype for Business の会議リンクである
check-step-guest-access = このサービスが会議へのゲスト アクセスを発行する
check-step-meeting-service = 会議サービスがこの Web サイトからのゲストを受け入れる
check-step-guest-application = 会議サービスでゲストを設定できる
check-step-join-meeting = ゲストが会議に入室できる
check-state-not-checked = 未確認
check-state-checking = 確認しています…
check-state-passed-in = 成功 ({ $ms } ms)
check-state-passed = 成功
check-state-failed = 失敗
check-verdict-works = このリンクは機能します。ゲストはこの Web サイトからこのリンクで参加できます。
check-verdict-fails = ゲストはこの Web サイトからこのリンクで参加できません。失敗した手順に、原因と対処方法が示されています。
check-copy-report = レポートをコピー
check-copied = レポートをコピーしました。チケットやメールに貼り付けてください。
check-copy-failed = ブラウザーでコピーできませんでした。下のレポートを選択してコピーしてください。
check-show-report = レポートを表示

## Link check details

check-detail-answered = { $host } の応答: { $status }{ $codes }
check-detail-no-answer = { $host }: 読み取り可能な応答なし{ $codes }
check-detail-said = サービスからのメッセージ: { $reason }
check-detail-upstream = アップストリーム: { $line }
check-detail-advice = 対処方法: { $advice }
check-detail-request-id = 要求 ID: { $id }
check-note-lobby = 確認はロビーで待機しました。ゲストは開催者が参加を許可すると入室できます。
check-upstream-answered = { $service } ({ $host }) の応答: { $status }{ $codes }
check-upstream-no-answer = { $service } ({ $host }) から応答なし{ $codes }
check-upstream-aad-token = Azure AD のトークン サービス
check-upstream-discover = Trusted Application API の検出
check-upstream-applications = Trusted Application API のアプリケーション一覧
check-upstream-application = Trusted Application API のアプリケーション
check-upstream-guest-token = Trusted Application API のゲスト トークン
check-upstream-adhoc-meeting = Trusted Application API のアドホック会議

## Link check advice

check-advice-host-unknown = ホスト不明
check-advice-middle-tier-no-answer = ミドルティア ({ $host }) が応答しませんでした。実行中であり、ここから到達できることを確認してください。
check-advice-hidden-refusal = 会議サービス ({ $host }) から、このブラウザーが読み取れる応答がありませんでした。多くの場合、会議サービスがこの Web サイト ({ $origin }) を拒否し、ブラウザーがその拒否を隠しています。ミドルティアの GUEST_JOIN_ALLOWED_ORIGINS に { $origin } を登録する必要があります。ミドルティアはこれを各ゲスト トークンとともに allowedOrigins として送信します。それ以外の場合は、ここから会議サービスに到達できません。
check-advice-service-no-answer = 会議サービス ({ $host }) が応答しませんでした。ここから到達できることを確認してから、再試行してください。
check-advice-token-refused = 会議サービスがゲスト トークンを拒否しました。ミドルティアと会議サービスの時刻が一致していること、およびミドルティアがこの会議サービスを指していることを確認してください。
check-advice-origin-refused = 会議サービスはこの Web サイト ({ $origin }) からのゲストを拒否しています。ミドルティアの GUEST_JOIN_ALLOWED_ORIGINS に { $origin } を追加してください。オンプレミスのサーバーでは、CrossDomainAuthorizationList にも登録する必要があります。
check-advice-server-origin-refused = 企業の Skype for Business Server は、この Web サイト ({ $origin }) からのゲストを拒否しています。サーバーの管理者が、サーバーの CrossDomainAuthorizationList に { $origin } を追加する必要があります (Set-CsWebServiceConfiguration)。
check-advice-meeting-not-found = 会議サービスはこのリンクの会議を認識していないか、会議は終了しています。新しいリンクを開催者に依頼してください。
check-advice-service-trouble = 会議サービス ({ $host }) で問題が発生しています。数分後に再試行してください。問題が続く場合は、要求 ID を Microsoft サポートまたはサーバーの管理者にお伝えください。
check-advice-step-refused = 会議サービス ({ $host }) がこの手順を拒否しました。上記のコードと要求 ID を、サービスの運用担当者にお伝えください。
check-advice-origin-not-listed = この Web サイト ({ $origin }) はミドルティアの GUEST_JOIN_ALLOWED_ORIGINS に登録されていません。登録するか、登録済みの Web サイトから確認を実行してください。
check-advice-host-not-allowed = リンクのホストは、ミドルティアが参加できるホストではありません。リンクを修正するか、そのホストを GUEST_JOIN_MEETING_HOSTS に追加してください。
check-advice-invalid-link = ミドルティアはこれを会議のリンクとして認識しません。会議の招待からリンクをもう一度コピーしてください。
check-advice-no-meeting = 会議サービスはこのリンクの会議を認識していないか、会議は終了しています。リンクを開催者に確認するか、新しい会議を設定してください。
check-advice-invitation-required = このミドルティアは、署名付きの招待 (GUEST_JOIN_REQUIRE_INVITATION) があるゲストのみを受け入れます。スタッフ API で作成した招待リンクをゲストに送ってください。
check-advice-invitation-invalid = この招待はこの会議では無効です。スタッフ API で新しい招待を作成してください。
check-advice-invitation-expired = 招待の有効期限が切れています。スタッフ API で新しい招待を作成してください。
check-advice-rate-limited = 現在、ここからの要求が多すぎます。1 分ほど待ってから、もう一度確認してください。
check-advice-session-not-valid = このセッション ID はミドルティアが発行したものではありません。ミドルティアが再起動したか、共通の GUEST_JOIN_SESSION_KEY なしで複数のインスタンスとして実行されています。すべてのインスタンスに同じキーを設定してください。
check-advice-microsoft-no-answer = Microsoft のサービスがミドルティアに応答しませんでした。数分後に再試行してください。
check-advice-middle-tier-broken = ミドルティアの構成が正しくないか、故障しています。ミドルティアのログで要求 ID を探してください。
check-advice-middle-tier-refused = ミドルティアが要求を拒否しました。ミドルティアのログで要求 ID を探してください。
check-advice-aad-credentials = Azure AD がミドルティアのアプリの資格情報を拒否しました。GUEST_JOIN_TENANT、GUEST_JOIN_CLIENT_ID、クライアント シークレット (期限切れの可能性があります) を確認してください。
check-advice-app-refused = Trusted Application API がアプリを拒否しました。アプリの登録に guest-join のアクセス許可があること、管理者が同意していること、GUEST_JOIN_ENDPOINT がそのエンドポイントであることを確認してください。
check-advice-endpoint-unknown = Trusted Application API がこのアプリのエンドポイントを認識していません。GUEST_JOIN_ENDPOINT とアプリの登録を確認してください。
check-advice-microsoft-unreachable = ミドルティアが Microsoft のサービスに到達できませんでした。ミドルティアのネットワークを確認して、再試行してください。
check-advice-microsoft-trouble = Microsoft のサービスで問題が発生しています。数分後に再試行してください。問題が続く場合は、要求 ID をお伝えください。
check-advice-join-denied = 開催者がロビーで確認の参加を拒否しました。
check-advice-join-lobby-timeout = 時間内に誰も確認のロビーからの参加を許可しませんでした。
check-advice-join-meeting-ended = 確認の参加中に会議が終了しました。
check-advice-join-removed = 開催者が確認を会議から削除しました。
check-advice-join-not-found = 会議サービスはこのリンクの会議を認識していないか、会議は終了しています。
check-advice-join-full = 会議は満員です。
check-advice-join-refused = 会議サービスが確認の入室を許可しませんでした。上記のコードと要求 ID をお伝えください。
check-advice-copy-link = 会議の招待状からリンクをもう一度コピーしてください。リンクの形式は https://meet.lync.com/<組織>/<開催者>/<会議 ID> です。

## Link check report

report-heading = guest-join リンク確認
report-result = 結果:         { $verdict }
report-link = リンク:       { $link }
report-meeting-id = 会議 ID:      { $meeting_id }
report-website = Web サイト:   { $website }
report-checked-at = 確認日時:     { $started_at }
report-client = クライアント: { $client }
report-step = { $number }. { $step }: { $outcome }
report-verdict-works = 成功: ゲストはこの Web サイトからこのリンクで参加できます。
report-verdict-fails = 失敗: ゲストはこの Web サイトからこのリンクで参加できません。
report-verdict-incomplete = 未完了: 確認は終了していませんでした。
report-outcome-passed-in = 成功 ({ $ms } ms)
report-outcome-passed = 成功
report-outcome-failed = 失敗
report-outcome-running = 実行中
report-outcome-not-run = 未実行

language-label = 言語
