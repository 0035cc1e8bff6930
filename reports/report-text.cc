// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "report-text.h"

namespace segproof
{
namespace reports
{

namespace
{

ReportText
English()
{
    ReportText t;
    t.fontStack = "-apple-system, \"Segoe UI\", Roboto, \"Noto Sans\", \"Liberation Sans\", "
                  "Arial, sans-serif";
    t.title = "Segmentation report: {scenario}";
    t.madeWith = "{runs} runs per posture, seed {seed}, {duration} simulated per run";
    t.contents = "Contents";
    t.verdictHeading = "Verdict";
    t.headlineWorst = "Under {posture} the attack infected a median of {infected} desktops "
                      "and reached the crown jewel in {reached} of runs.";
    t.headlineBest = "Under {posture} it infected {infected} (median) and reached the crown "
                     "jewel in {reached} of runs.";
    t.headlineSame = "Every posture fared alike: a median of {infected} desktops infected.";
    t.headlineOwnAccess =
        "Under {posture} the attack stayed on the phished desktop (median), yet it "
        "reached the crown jewel in {reached} of runs through that desktop's "
        "own allowed access: segmentation stops lateral movement, not what a "
        "user may already reach.";
    t.headlineStopped = "Under {baseline} the data left in {leaked} of {runs} runs; {defences} "
                        "stopped it in {stopped} of those {leaked} ({posture}).";
    t.headlineNotStopped = "Under {baseline} the data left in {leaked} of {runs} runs; no "
                           "posture with detection or quarantine stopped it in any of them.";
    t.defenceIds = "the IDS";
    t.defenceIps = "the IPS";
    t.defencePattern = "the blocked-attempt pattern";
    t.defenceQuarantine = "quarantine";
    t.defenceQuarantineOn = "quarantine on {source} alerts";
    t.alertSources = {"AV / EDR", "network monitoring", "IDS", "blocked-attempt pattern"};
    t.listComma = ", ";
    t.listAnd = " and ";
    t.postureIds = "IDS";
    t.postureIps = "IPS";
    t.posturePattern = "pattern";
    t.postureIdfw = "identity firewall";
    t.colPosture = "Posture";
    t.colFirewalls = "Firewalls in force";
    t.quarantine = "quarantine";
    t.colDesktopsInfected = "Desktops infected, median (p10–p90)";
    t.colJewelReached = "Runs reaching the crown jewel";
    t.colJewelTime = "Median time to it (h:mm)";
    t.colExfiltrated = "Data exfiltrated, median";
    t.colAlerts = "Alerts, median";
    t.colIntents = "Intents proved";
    t.verdictNote = "Simulated in ns-3 as real TCP sessions through every enforcement point; "
                    "medians over the runs, p10–p90 in brackets. Intents are proved or refuted "
                    "by the Z3 verifier from the policy alone.";
    t.never = "never";
    t.none = "none";
    t.intentsHeading = "Intents: proved or refuted under each posture";
    t.colIntent = "Intent";
    t.colClaim = "Claim";
    t.proved = "PROVED";
    t.violated = "VIOLATED";
    t.unknown = "UNKNOWN";
    t.claimDeny = "no connection from {from} to {to} on {service}";
    t.claimAllow = "{from} can reach {to} on {service}";
    t.claimOnly = "only {from} reach {to} on {service}";
    t.assuming = ", even with the host firewall off on {machines}";
    t.counterexamplesHeading = "Counterexamples";
    t.counterexampleIntro = "For each refuted intent, one concrete connection that breaks it, "
                            "and the rule that decided at each enforcement point on its path.";
    t.delivered = "delivered";
    t.blockedAt = "blocked";
    t.decidedBy = "decided at each point:";
    t.noPoint = "no enforcement point in force on its path";
    t.unknownReason = "the solver gave no answer:";
    t.spreadHeading = "How far the attack got";
    t.spreadIntro = "The phishing mail opens on one desktop; the attacker moves over SMB, RDP "
                    "and WinRM, collects the crown jewel and sends it out through the proxy.";
    t.infectionChart = "Machines infected over time (median line, p10–p90 band)";
    t.infectionX = "simulated time";
    t.infectionY = "machines infected";
    t.cdfChart = "Time to the crown jewel (share of runs that reached it by then)";
    t.cdfX = "simulated time";
    t.cdfY = "runs";
    t.cdfNever = "(never reached)";
    t.quarantineCdfChart = "Time to quarantine (share of runs that had quarantined by then)";
    t.quarantineCdfNever = "(never quarantined)";
    t.quarantineCdfNote = "On the same time axis as the time to the crown jewel above, for the "
                          "postures that quarantine: the first time the tag isolated an infected "
                          "machine. Where a posture's curve here rises before its curve above, "
                          "the tag came before the attacker reached the data.";
    t.noData = "no data";
    t.detectionHeading = "Detection and response";
    t.detectionIntro =
        "Alerts on the attack by source, with the false alarms (alerts on benign traffic or "
        "clean machines) beside them, summed over the {runs} runs of each posture; – where the "
        "detector does not run. Desktops taken from users: clean desktops the quarantine "
        "isolated. Data leaving stopped: of the runs where the data left under the same "
        "firewalls without detection or quarantine (in brackets), those where no byte left "
        "under this posture.";
    t.sourceColumns = {"AV / EDR", "Monitoring", "IDS / IPS", "Pattern"};
    t.colTrueAlerts = "alerts";
    t.colFalseAlarms = "false";
    t.colDesktopsTaken = "Desktops taken from users";
    t.colStopped = "Data leaving stopped";
    t.stoppedCell = "{stopped} of {leaked} ({baseline})";
    t.notRunning = "–";
    t.sweepHeading = "Runs reaching the crown jewel across a sweep";
    t.sweepIntro = "From the results database: every point of the campaign that differs from "
                   "this report's own in one parameter alone (same scenario, seed, simulated "
                   "time, postures and runs). Each dot is the share of runs that reached the "
                   "crown jewel at that value, the band its 95 % confidence interval (Wilson "
                   "score).";
    t.sweepChart = "Runs reaching the crown jewel by {parameter}";
    t.sweepY = "runs reaching the crown jewel (line), 95 % Wilson interval (band)";
    t.sweepNote = "{runs} runs per posture at each value.";
    t.sweepOwn = "The rest of this report is at {parameter} = {value}.";
    t.sweepOwnScenario = "The rest of this report is at the scenario's own {parameter}.";
    t.blockedHeading = "What each enforcement point blocked";
    t.blockedIntro = "Packets dropped per enforcement point, median over the runs (log scale). "
                     "A posture that blocks little may simply have let the attack through.";
    t.blockedChart = "Blocked packets per enforcement point";
    t.blockedY = "packets (median)";
    t.pointDfw = "DFW (vNIC)";
    t.pointGateway = "gateway";
    t.pointPerimeter = "perimeter";
    t.pointHost = "host firewall";
    t.topRules = "The rules that blocked most (median packets per run)";
    t.colRule = "Point / rule";
    t.colPackets = "Packets";
    t.noBlocks = "nothing blocked";
    t.reachHeading = "Reachability matrix";
    t.reachIntro = "Who reaches whom on which service, computed from the policy: full (every "
                   "connection gets through), partial (some do), none. Rows are from → to.";
    t.reachChart = "Reachability under {posture}";
    t.reachNone = "none";
    t.reachPartial = "partial";
    t.reachFull = "full";
    t.reachNa = "n/a";
    t.estateHeading = "The estate and where each firewall sits";
    t.lintHeading = "Rule findings (lint)";
    t.lintClean = "No finding: no shadowed, redundant, correlated or over-permissive rule.";
    t.colSeverity = "Severity";
    t.colRuleId = "Rule";
    t.colFirewall = "Firewall";
    t.colWhere = "Where";
    t.colFinding = "Finding";
    t.lintRelated = "related rules: {rules}";
    t.severities = {"error", "warning", "info"};
    t.dfwLoad = "DFW load: at most {vnic} rules on one vNIC ({vnicName}), {host} on one host "
                "({hostName}).";
    t.diffHeading = "Policy change";
    t.diffIntro = "From {before} to {after}, posture {posture}.";
    t.newlyAllowed = "Newly allowed";
    t.newlyBlocked = "Newly blocked";
    t.breaksIntents = "breaks";
    t.example = "e.g.";
    t.parametersHeading = "Parameters and their sources";
    t.parametersIntro = "The attack and defence model's values for this report, as the scenario "
                        "sets them or by default; [A] marks an assumption (docs/parameters.md).";
    t.colParameter = "Parameter";
    t.colValue = "Value";
    t.colSource = "Source";
    t.assumption = "[A] assumption";
    t.provenanceHeading = "How this report was made";
    t.command = "Command";
    t.scenarioFile = "Scenario";
    t.againstFile = "Compared with";
    t.seed = "Seed";
    t.runs = "Runs per posture";
    t.duration = "Simulated time per run";
    t.versions = "Versions";
    t.runVersions = "Runs made by";
    t.mixedVersions = "mixed versions: the runs come from more than one segproof model";
    t.files = "Beside this page";
    t.reproducible = "Run again from the same folder (where the scenario's path names a file "
                     "with this SHA-256), with any --out and any --jobs, this command writes "
                     "this page and every file beside it byte for byte, but for run.json, which "
                     "records when, on which host, with how many jobs and how long it ran.";
    t.footer = "Made by segproof. Self-contained: no script, no font or image from the network.";
    return t;
}

ReportText
Japanese()
{
    ReportText t;
    t.fontStack = "\"Hiragino Kaku Gothic ProN\", \"Hiragino Sans\", \"Yu Gothic UI\", "
                  "\"Yu Gothic\", YuGothic, Meiryo, \"Noto Sans CJK JP\", \"Noto Sans JP\", "
                  "\"IPAexGothic\", \"IPAPGothic\", \"IPAGothic\", \"TakaoPGothic\", sans-serif";
    t.title = "セグメンテーション評価レポート: {scenario}";
    t.madeWith = "ポスチャごとに {runs} 回試行、シード {seed}、1 回あたり {duration} を模擬";
    t.contents = "目次";
    t.verdictHeading = "評価結果";
    t.headlineWorst = "{posture} では、攻撃は中央値で {infected} "
                      "台の仮想デスクトップに感染し、試行の {reached} で"
                      "重要データに到達しました。";
    t.headlineBest = "{posture} では、感染は {infected} 台（中央値）、重要データへの到達は試行の "
                     "{reached} でした。";
    t.headlineSame = "どのポスチャでも結果は同じでした: 感染は中央値で {infected} 台。";
    t.headlineOwnAccess = "{posture} では攻撃は最初の端末にとどまりました（中央値）が、その端末に"
                          "もともと許可されたアクセスを通じて、試行の {reached} で重要データに"
                          "到達しました。セグメンテーションが止めるのは横展開であり、利用者が"
                          "すでに持つアクセスではありません。";
    t.headlineStopped =
        "{baseline} では試行 {runs} 回のうち {leaked} 回でデータが持ち出されました。"
        "{defences}により、そのうち {stopped} 回で持ち出しを防ぎました（{posture}）。";
    t.headlineNotStopped = "{baseline} では試行 {runs} 回のうち {leaked} 回でデータが持ち出され、"
                           "検知や隔離を加えたどのポスチャもそれを防げませんでした。";
    t.defenceIds = "IDS";
    t.defenceIps = "IPS";
    t.defencePattern = "遮断試行パターン検知";
    t.defenceQuarantine = "隔離";
    t.defenceQuarantineOn = "{source} のアラートによる隔離";
    t.alertSources = {"AV / EDR", "ネットワーク監視", "IDS", "遮断試行パターン"};
    t.listComma = "、";
    t.listAnd = " と ";
    t.postureIds = "IDS";
    t.postureIps = "IPS";
    t.posturePattern = "パターン検知";
    t.postureIdfw = "アイデンティティファイアウォール";
    t.colPosture = "ポスチャ";
    t.colFirewalls = "有効なファイアウォール";
    t.quarantine = "隔離";
    t.colDesktopsInfected = "感染した仮想デスクトップ 中央値 (p10–p90)";
    t.colJewelReached = "重要データに到達した試行";
    t.colJewelTime = "到達までの時間 中央値 (h:mm)";
    t.colExfiltrated = "持ち出されたデータ 中央値";
    t.colAlerts = "アラート 中央値";
    t.colIntents = "証明された要件";
    t.verdictNote = "ns-3 上で、すべての制御点を通る実際の TCP セッションとして模擬しました。"
                    "値は試行の中央値、括弧内は p10–p90 です。要件はポリシーのみから Z3 "
                    "検証器が証明または反証しています。";
    t.never = "到達なし";
    t.none = "なし";
    t.intentsHeading = "要件: ポスチャごとの証明・反証";
    t.colIntent = "要件";
    t.colClaim = "内容";
    t.proved = "証明";
    t.violated = "違反";
    t.unknown = "不明";
    t.claimDeny = "{from} から {to} への {service} 通信はない";
    t.claimAllow = "{from} から {to} へ {service} で通信できる";
    t.claimOnly = "{to} へ {service} で通信できるのは {from} のみ";
    t.assuming = "（{machines} のホストファイアウォールが無効化されても）";
    t.counterexamplesHeading = "反例";
    t.counterexampleIntro = "反証された要件ごとに、それを破る具体的な通信を 1 つと、経路上の各"
                            "制御点で判定したルールを示します。";
    t.delivered = "到達";
    t.blockedAt = "遮断";
    t.decidedBy = "各制御点での判定:";
    t.noPoint = "経路上に有効な制御点なし";
    t.unknownReason = "ソルバーが結論を出せませんでした:";
    t.spreadHeading = "攻撃はどこまで広がったか";
    t.spreadIntro = "標的型メールが 1 台の仮想デスクトップで開かれ、攻撃者は SMB・RDP・WinRM "
                    "で横展開し、重要データを収集してプロキシ経由で外部へ送信します。";
    t.infectionChart = "感染端末数の推移（線は中央値、帯は p10–p90）";
    t.infectionX = "模擬時間";
    t.infectionY = "感染端末数";
    t.cdfChart = "重要データ到達までの時間（その時点までに到達した試行の割合）";
    t.cdfX = "模擬時間";
    t.cdfY = "試行";
    t.cdfNever = "（到達なし）";
    t.quarantineCdfChart = "隔離までの時間（その時点までに隔離が行われた試行の割合）";
    t.quarantineCdfNever = "（隔離なし）";
    t.quarantineCdfNote = "上の重要データ到達までの時間と同じ時間軸で、隔離を行うポスチャについて、"
                          "感染端末が初めて隔離された時刻を示します。あるポスチャの曲線が上の曲線"
                          "より先に立ち上がっていれば、"
                          "攻撃者がデータに到達する前に隔離されています。";
    t.noData = "データなし";
    t.detectionHeading = "検知と対応";
    t.detectionIntro =
        "攻撃に対するアラートを検知元ごとに、誤検知（通常業務の通信や感染していない"
        "端末へのアラート）と並べて示します。値は各ポスチャ {runs} 回の試行の合計で、"
        "– はその検知機能が動作していないことを示します。利用者から取り上げた仮想"
        "デスクトップは、感染していないのに隔離された仮想デスクトップです。持ち出しを"
        "防いだ試行は、同じファイアウォールで検知・隔離なしのポスチャ（括弧内）で"
        "データが持ち出された試行のうち、このポスチャでは 1 バイトも持ち出されなかった"
        "試行です。";
    t.sourceColumns = {"AV / EDR", "ネットワーク監視", "IDS / IPS", "遮断試行パターン"};
    t.colTrueAlerts = "アラート";
    t.colFalseAlarms = "誤検知";
    t.colDesktopsTaken = "利用者から取り上げた仮想デスクトップ";
    t.colStopped = "持ち出しを防いだ試行";
    t.stoppedCell = "{leaked} 回中 {stopped} 回（{baseline} 比）";
    t.notRunning = "–";
    t.sweepHeading = "パラメータを変えたときの重要データ到達";
    t.sweepIntro = "結果データベースから、このレポートの条件と 1 つのパラメータだけが異なる"
                   "キャンペーンの各点（シナリオ、シード、模擬時間、ポスチャ、試行回数は同じ）を"
                   "示します。点は各値で重要データに到達した試行の割合、帯はその 95 % 信頼区間"
                   "（Wilson スコア区間）です。";
    t.sweepChart = "{parameter} ごとの重要データ到達";
    t.sweepY = "重要データに到達した試行（線）、95 % Wilson 信頼区間（帯）";
    t.sweepNote = "各値でポスチャごとに {runs} 回試行。";
    t.sweepOwn = "このレポートの他の図や表は {parameter} = {value} の結果です。";
    t.sweepOwnScenario =
        "このレポートの他の図や表は、シナリオ自体の {parameter} の値での結果です。";
    t.blockedHeading = "各制御点が遮断した通信";
    t.blockedIntro = "制御点ごとに破棄されたパケット数（試行の中央値、対数目盛）。遮断が少ない"
                     "ポスチャは、単に攻撃を通してしまっただけかもしれません。";
    t.blockedChart = "制御点ごとの遮断パケット数";
    t.blockedY = "パケット数（中央値）";
    t.pointDfw = "分散 FW (vNIC)";
    t.pointGateway = "ゲートウェイ";
    t.pointPerimeter = "境界";
    t.pointHost = "ホスト FW";
    t.topRules = "最も多く遮断したルール（1 試行あたりのパケット数 中央値）";
    t.colRule = "制御点 / ルール";
    t.colPackets = "パケット";
    t.noBlocks = "遮断なし";
    t.reachHeading = "到達可能性マトリクス";
    t.reachIntro = "ポリシーから計算した、どこからどこへどのサービスで通信できるか: 全て"
                   "（すべての通信が通る）、一部（一部が通る）、なし。行は 送信元 → 宛先 です。";
    t.reachChart = "{posture} での到達可能性";
    t.reachNone = "なし";
    t.reachPartial = "一部";
    t.reachFull = "全て";
    t.reachNa = "対象外";
    t.estateHeading = "システム構成と各ファイアウォールの位置";
    t.diagram.title = "システム構成";
    t.diagram.internet = "インターネット";
    t.diagram.perimeter = "境界ファイアウォール";
    t.diagram.gateway = "ゲートウェイ ファイアウォール";
    t.diagram.segment = "セグメント";
    t.diagram.host = "ホスト";
    t.diagram.desktops = "台の仮想デスクトップ";
    t.diagram.servers = "サーバー";
    t.diagram.physical = "非仮想化";
    t.diagram.dfw = "全 vNIC に分散ファイアウォール";
    t.diagram.hostFirewall = "ホスト ファイアウォール";
    t.diagram.crownJewel = "重要データ";
    t.diagram.notDefined = "未定義";
    t.diagram.andMore = "ほか {n} 件";
    t.lintHeading = "ルールの指摘 (lint)";
    t.lintClean = "指摘なし: 隠蔽・冗長・相関・過剰に許可するルールはありません。";
    t.colSeverity = "重大度";
    t.colRuleId = "ルール";
    t.colFirewall = "ファイアウォール";
    t.colWhere = "場所";
    t.colFinding = "指摘";
    t.lintKinds = {"隠蔽: 先行ルールがすべての通信を別の動作で処理するため、このルールは判定しない",
                   "冗長: 削除しても結果が変わらない",
                   "一般化: 別の動作の先行ルールを包含する（意図的な場合が多い）",
                   "相関: 別の動作の先行ルールと一部重なる",
                   "一致しない: このファイアウォールを通るどの通信にも一致しない",
                   "過剰な許可: すべての送信元からすべての宛先へ許可",
                   "規模の上限: NSX の vNIC またはホストあたりのルール数上限"};
    t.lintRelated = "関係するルール: {rules}";
    t.severities = {"エラー", "警告", "情報"};
    t.dfwLoad = "分散 FW の負荷: 1 つの vNIC に最大 {vnic} ルール（{vnicName}）、1 ホストに"
                "最大 {host} ルール（{hostName}）。";
    t.diffHeading = "ポリシーの変更";
    t.diffIntro = "{before} から {after} への変更（ポスチャ {posture}）。";
    t.newlyAllowed = "新たに許可";
    t.newlyBlocked = "新たに遮断";
    t.breaksIntents = "違反する要件";
    t.example = "例";
    t.parametersHeading = "パラメータと出典";
    t.parametersIntro = "このレポートの攻撃・防御モデルの値（シナリオでの指定または既定値）。"
                        "[A] は仮定を示します（docs/parameters.md）。";
    t.colParameter = "パラメータ";
    t.colValue = "値";
    t.colSource = "出典";
    t.assumption = "[A] 仮定";
    t.provenanceHeading = "このレポートの作成方法";
    t.command = "コマンド";
    t.scenarioFile = "シナリオ";
    t.againstFile = "比較対象";
    t.seed = "シード";
    t.runs = "ポスチャごとの試行回数";
    t.duration = "1 試行あたりの模擬時間";
    t.versions = "バージョン";
    t.runVersions = "実行したバージョン";
    t.mixedVersions = "バージョン混在: 複数の segproof モデルによる実行を含みます";
    t.files = "同じフォルダのファイル";
    t.reproducible = "このコマンドを同じフォルダ（シナリオのパスがこの SHA-256 のファイルを指す"
                     "場所）で再実行すると、--out と --jobs が何であっても、このページと同じ"
                     "フォルダのファイルがバイト単位で同一に作成されます。例外は run.json で、"
                     "実行日時、ホスト、並列数、所要時間を記録します。";
    t.footer =
        "segproof で作成。単体で完結: スクリプト・外部フォント・外部画像は使用していません。";
    return t;
}

} // namespace

std::string
LanguageCode(Language language)
{
    return language == Language::Japanese ? "ja" : "en";
}

std::optional<Language>
ParseLanguage(const std::string& code)
{
    if (code == "en")
    {
        return Language::English;
    }
    if (code == "ja")
    {
        return Language::Japanese;
    }
    return std::nullopt;
}

const ReportText&
TextFor(Language language)
{
    static const ReportText english = English();
    static const ReportText japanese = Japanese();
    return language == Language::Japanese ? japanese : english;
}

std::string
Fill(std::string text, const std::vector<std::pair<std::string, std::string>>& values)
{
    for (const auto& [key, value] : values)
    {
        std::string slot = "{" + key + "}";
        for (std::size_t at = text.find(slot); at != std::string::npos;
             at = text.find(slot, at + value.size()))
        {
            text.replace(at, slot.size(), value);
        }
    }
    return text;
}

} // namespace reports
} // namespace segproof
