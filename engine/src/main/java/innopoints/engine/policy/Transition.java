package innopoints.engine.policy;

import java.time.LocalDate;

/**
 * A document's transition provision for items that happened before it took effect (seed 000:
 * "为保证新老政策的有效衔接，本文件实施前已经实施的奖励、补贴项目，业务主管部门已发布申报通知、组织申报审核的，按照原政策条款执行；
 * 业务主管部门未发布申报通知，且该项目在现行政策中继续延续的，按相关政策条款执行。"). A fact dated before the
 * document's effective date is computed under the clause when the department had not issued an
 * application notice under the older policy and the clause continues an older item; excluded,
 * citing the words, when the notice had been issued; and not decided while that is unknown.
 *
 * @param quote              the whole provision
 * @param oldPolicyQuote     the words for a notice already issued ("…按照原政策条款执行")
 * @param currentPolicyQuote the words for a notice not issued ("…按相关政策条款执行")
 * @param reachesBack        the earliest fact date the provision reaches (the pack's reading), or null for no bound
 * @param reading            how the pack reads how far back it reaches and what a continued item is
 */
public record Transition(String quote, String oldPolicyQuote, String currentPolicyQuote, LocalDate reachesBack, String reading) {}
