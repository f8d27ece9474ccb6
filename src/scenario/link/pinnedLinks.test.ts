import { describe, expect, it } from 'vitest';
import { run } from '../../sim/engine/run.ts';
import { decodeLink } from './decodeLink.ts';

/**
 * Links made by v1 of the link format, pinned as they were issued. Whatever the format
 * becomes, these must keep opening (through migrations.ts) to the same run — the same trace
 * hash — at the same cursor and view. If an engine change alters a run on purpose, update
 * the hash here and say so in the change; never the link.
 */
const PINNED = [
  {
    name: 'failover-loses-lock',
    link: 'v1.zVZNb9tGEP0rg73UAShVku0iVU-p41zqL0huG8DxYU0OxYVWuwp3aVk1BPRUtNeiv9C_pG-WpD8CJKcWiOEPanZ25s2bN0Pfq5Cz07XxanqvbrkOxjs1HWfK6RWrqXqnjfWwk_WBA8WK8ZQvaW_--pXKVMEhr806plvq3DGtdIhwP6WNiRV5WGpeW5NrmtENV8YVNGcXjWNLe4XfuIEucWGwMtaawLl3RaD9EYVXGV1entB3eKQ9E2nVhEi-iRYJSFPZAYNbl0BAkNULOhyNaBWGdDQmHZbhKV_p61RBh1EDS2DJNz--bMu6HdPZe7p4j7T4ouhRiI50gHg_yKMLG3BE5z-J1buc6eH3f14AMAFJty6vau98E7KUsKeg0oGcj7TAj9g3tYlMW45DBM9rHSpwjMiTVEEGwgCZn7nWrHPxmQ2fqkJAk8s94TFRlypb137lo_hKxIe__twfE4qYtSBYehqYHVj6JtCSt-BrQnubyuRVcrmRw2hWxi2EdtILbRyoFzAF6wKIgxEGJodoFlBsPmE7XciEkOhtQbMswRKqQTGYmlFo8pwZ_AuJyGwZaDI8QWtkWeN33bhADSJaKeHw--EBgZeAzxYIrUEdgaCOCime5DmkE--X0u9psiVqyZd0mgGoVDsIHOnW6Be9E1AI3hUwEHUmzL3W6PThj7_hcTQBZZJnICdcCE0MjhIAaFBOdP6xMTXO2qASRpDwXW4bGTIk97ZNezT-FtSX6FffpiEd3605j1xM6eez-Zt3x0O6rMAkvjfVNkWacZEku9YLCWtCDFPMBXqyAI-dxNMQdiWm26I-OOmyJ2rumxrqmdLV25Nr2vugJH5f8OAGPSjIrNaWV6Al4YW8oEkJxFD4ovqgMINXs-OLk2v8nR-fXQ-xGaCtQk1fY5MUTZ3unQY1PcBsjjIlqWXhoBFYG-lTpmK04pImb5epkl2OWnDusEVw7jy2jZpe3SuDyOoUprUsLBQKGT751RyiruNbtnorAZGv-g07DX_zPrEvSwigOwU8XB_vdlkXepaiJNLOy_8n1bUw1OpMnERqb2R-xW9fGEBGVH_BWM2FGMetLQ11R6aYQJTjuPF1ygVBAWCCAnKxawG1NHfoRKZWME7g_kzwJ3rxWVc0Cs5F7dezhFm6ZtxSGnCNgxyj5-KzdhyNcfHLRaPkKM8LNP0xZ6vXNEiiOATZaBNnnWTTfTFcthPWlS1VfGxA_ktzssd6-9gP2JBV2LFeIxted9KvHpdvsPzT2w4vMSxRbecYul6qbRciXllL-QxCEEq2sBCJKxXny1-0NYWJ2x_Tov5VTtW01DZwproN8AnE0ZPMjiZfJ2Wf5WzSTu-XeWt9_kva8DYU2jAysmehQjhDdro_zHpi0pofyJ7o1kU3uzneJfj_pEvQDe3juLnG2l3SdFMH307geDRB2FvDm0QA27SM-56tdRpbISZyXiGY2u3-BQ',
    traceHash: '8d2a74124a5e3dcb24c42b29a8f3870a2424c0d1e731c77ac43e96ebfa62fc65',
    cursorMs: 31020,
    view: { selected: 'C2', panel: 'statechart' },
  },
  {
    name: 'clock-jump',
    link: 'v1.3VZNb9tGEP0rg71UDhjVUurAoU-yLB8aJwjs9AM1dFiTQ2kjksvsLvURw0CP7b2_ML-kb5b0V1s0PdSXAIYhcmffzHv7ZpbXymdca2esSq_Vmp03tlbpKFG1rlilakJZabMVfWirhmyNP6ba5kxXjvXK0znncX1w8XJPJSpnnznThIiiTs2aqdI-APeIpiPKdF3bQNiaLemEdJ3TLKHp-PHCJC4c0yBsLDXaBSN4fm9Ik0D7VHmBkqyeJgniJHpKn3_9gzSyfbDOhF1Ca12anNo6mJJeHb46jLtH-_sRICyZNrose3a26EhNI0-PMPKc2Tr3VFi30S6nga7p7ft3BDJNgpRkG3Y6WEeF2Zp6ESGDqRhlQhTjibeNcexpxTtPV7u_5EzIW5p-4ymzzU4KmI7wgFgadBv7asd7dIeVkw44gYxpcH7QyTFCTFRkTNpDkGlyq2tKkissHTNpx1TgR5d0TAsO_oFYFKyNm664NLxGzSbQ0pagL0VHiUTezdKUEGkEEQywc8t-SGfWrkSlNMZGbs9v3YJq5CVYPc-5fMRSViFqFsQjULHR3svPyHS3J65AZETT2cc2st-YsIwH1fFMxDxStuTgbVa24l5aG1tqcQySfQuyhbMVff79N0j1nUjVWQILjkvWHmBQFesvhiBGA9DrqAOgC8XaAXmUFPNHBhvIho0lssvZ6wIWjxUPabZtOAucp_TD24vJ6UzO82-ldSaJwoJ3WwHryrZ1DpKdI5_BW_yM2DnrjnBUUdG-58ISBcdtsdGG0CBAn0848bWF5-87FiSiSxEFM-yO6HXJTVOh2dLepK3whx3EubbINRoHFtnZtm_JIZ1ynQnHjW3LvD_5xtkAklF4jx7QCx7ShW1dxj6lyzev5wldTn6R_ydn8n_287v5EPPBM-cqfYlB0XZlvfEqPYTNEyVFyxCCOTA64lOiQiglQhph_yZRRVcL1msMIqxHM6j08loZ4KoJXoGwN-hStMl9HPowYJCccKl3Aoh8y0-Cm6ioliS2ReE59KsiP9ZvbpIe-vjpoKdPB33ydNCz_x96LgaBl2suVVq3ZYkDZlwCLu5B5yBRhIRLTC1FYPbCUImq8HIMgzhuSpNFZ53pxaPQtjaYUpUEm2g7XHKV3sqvA-zMnW3OYyHiRVOvxFZzLGQYiXV4YLLpCBj_zgQ8gvxewMp3BWCC9a6u4Fq8wNWGrgRXqftjC9neSxe2Ee0AcLkzRTjFjLQO8MN9VOw4uN0UoyKo9EX_eKf0WPoovvreBEykvnUSpdtgZ1vIhzpEVxQoqpZW4wW-AeS8binIGOrUwU0eIGZ5gVbvW_UgtmpYQp_-EUhxFiI7diw5W_0oFy9ulWOG3vyTrKq00KVnFNKN8gc8u9a-74XxVyuuXNVf0hdJnkZftJaMeBgbwXCyvlW11-_uMwt6xYPIRs-9gZKJWqDkRvx_KdafJ5dxqszUHJgPx3jH_b9Aj_8JehyhZYIffwFaKN2h339wyDxyFjcQQuJMxSdH0PcaxGZunbfd0eFrIFFrw5t4SPgUkEv7dhrrOIKUxqUc1M3Nnw',
    traceHash: '3ff5ab39cb8e7bc2f6b968427b6d207f06a6c0df35c448f8ded0d9bcd36a1d6a',
    cursorMs: 1104,
    view: { selected: 'C', panel: 'about' },
  },
] as const;

describe('pinned v1 links', () => {
  it.each(PINNED.map((p) => [p.name, p] as const))('%s opens to the same run, cursor and view', (_, p) => {
    const decoded = decodeLink(p.link);
    if (!decoded.ok) throw new Error(decoded.message);
    expect(run(decoded.value.scenario).traceHash).toBe(p.traceHash);
    expect(decoded.value.cursorMs).toBe(p.cursorMs);
    expect(decoded.value.view).toEqual(p.view);
  });
});
