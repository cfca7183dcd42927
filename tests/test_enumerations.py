"""The members of a list in a sentence (assistant.enumerations), and a list counted in an answer."""
from assistant.enumerations import lists_in


def test_a_list_is_three_or_more_members_its_last_two_joined_by_he():
    sentence = ("在行政许可、行政处罚信息公示的基础上,进一步实现行政强制、行政确认、行政征收、行政给付、"
                "行政裁决、行政补偿、行政奖励和行政监督检查等信息在7个工作日内上网公开。")
    assert lists_in(sentence) == [["行政强制", "行政确认", "行政征收", "行政给付", "行政裁决", "行政补偿",
                                   "行政奖励", "行政监督检查"]]  # 许可、处罚: two members are no list


def test_the_verb_before_a_list_is_not_its_first_member():
    found = lists_in("加大食品药品、公共卫生、自然资源、个人信息安全等重点领域执法力度。")
    assert found == [["食品药品", "公共卫生", "自然资源", "个人信息安全"]]
    assert lists_in("审核规范性文件14件，报备率、及时率均达到100%。") == []


def test_a_list_counted_in_each_place_and_what_one_lists_more(tmp_path):
    from tests.small_plans import assistant_over
    from eval import metrics

    a = assistant_over(tmp_path,
                        za_txt="泽宁县2025年法治政府建设工作要点\n一、严格执法\n"
                               "1.加大食品药品、安全生产、城市管理、金融服务等重点领域执法力度。（县司法局牵头）\n"
                               "2.推进政务公开，全年主动公开政府信息不少于300条。（县政府办公室牵头）\n",
                        zb_txt="柘川县2025年法治政府建设工作安排\n一、严格执法\n"
                               "1.加大食品药品、安全生产、城市管理等重点领域执法力度。（县司法局牵头）\n"
                               "2.推进政务公开，全年主动公开政府信息不少于200条。（县政府办公室牵头）\n")
    answer = a.answer("重点领域执法，泽宁县列了几个领域，柘川县列了几个？泽宁县多出来的是哪些")
    assert answer.path == "computed"
    assert "泽宁县:4个" in answer.text and "柘川县:3个" in answer.text and "多出的1个:金融服务" in answer.text
    assert not metrics.ungrounded_values(answer.to_dict())
